import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { listV2, v2Page } from "../../wire/list";

import { credit, debit } from "../../ledger/moves";
import { EXTERNAL, LedgerError, type Journal } from "../../ledger/ledger";
import { newestFirst } from "../common";
import { iso, money, retrieveV2Route, saveV2, T, type Json, type Money, type V2Object } from "./common";
import type { V2Fa } from "./financial-accounts";
import { postedV2Txn } from "./transactions";

/**
 * v2 ReceivedCredits/ReceivedDebits: money pushed into or pulled out of a v2 FA by someone
 * else (a bank transfer to a financial address, another FA's outbound payment, card spend).
 * `journal` lets a caller that already moved the money (a conversion) only record it.
 */
/** `details` is the hash named after `type` (`balance_transfer`, `bank_transfer`, `card_spend`); types without one (`external_debit`) pass none. */
type Received = { type: string; description?: string; details?: Json; journal?: Journal };

type Kind = "received_credit" | "received_debit";

/** Moves the money between the bank and the FA (unless `r.journal` already did) and records the v2 Transaction. */
function post(ctx: Ctx, kind: Kind, id: string, fa: V2Fa, owner: string, amount: Money, r: Received): void {
  const flow = { type: kind, id };
  const move = kind === "received_credit" ? credit : debit;
  const j =
    r.journal ??
    move(
      ctx.tx,
      { holder: fa.id, currency: amount.currency, amount: amount.value, flow, nowMs: ctx.nowMs },
      EXTERNAL.bank,
    );
  postedV2Txn(ctx, owner, fa.id, kind, flow, j);
}

/** The v2 shape, saved: what is not known is left out (no receipt, no description, no transitions yet), never null. */
function saveReceived(
  ctx: Ctx,
  kind: Kind,
  id: string,
  fa: V2Fa,
  owner: string,
  amount: Money,
  r: Received,
  reason: string | null,
): V2Object {
  const status = reason ? "failed" : "succeeded";
  const obj: V2Object = {
    id,
    object: `v2.money_management.${kind}`,
    amount,
    created: iso(ctx),
    financial_account: fa.id,
    livemode: false,
    ...(r.description ? { description: r.description } : {}),
    status,
    ...(reason ? { status_details: { failed: { reason } } } : {}),
    status_transitions: { [`${status}_at`]: iso(ctx) },
    type: r.type,
    ...(r.details ? { [r.type]: r.details } : {}),
  };
  return saveV2(ctx, kind === "received_credit" ? T.rcs : T.rds, owner, obj, status);
}

export function receiveV2Credit(ctx: Ctx, fa: V2Fa, owner: string, amount: Money, r: Received): V2Object {
  const id = ctx.id("rc_test", 40);
  const reason = fa.status !== "open" ? "financial_address_inactive" : null;
  if (!reason) post(ctx, "received_credit", id, fa, owner, amount, r);
  return saveReceived(ctx, "received_credit", id, fa, owner, amount, r, reason);
}

/** Pulls money out of a v2 FA; `failed` (insufficient_funds) when available is short. */
export function receiveV2Debit(ctx: Ctx, fa: V2Fa, owner: string, amount: Money, r: Received): V2Object {
  const id = ctx.id("rd_test", 40);
  let reason: string | null = fa.status !== "open" ? "financial_address_inactive" : null;
  if (!reason) {
    try {
      post(ctx, "received_debit", id, fa, owner, amount, r);
    } catch (err) {
      if (!(err instanceof LedgerError) || err.code !== "insufficient_funds") throw err;
      reason = "insufficient_funds";
    }
  }
  return saveReceived(ctx, "received_debit", id, fa, owner, money(amount.value, amount.currency), r, reason);
}

export function registerV2ReceivedRoutes(kernel: Kernel): void {
  for (const [name, table] of [
    ["received_credits", T.rcs],
    ["received_debits", T.rds],
  ] as const) {
    const base = `/v2/money_management/${name}`;
    kernel.router.add(retrieveV2Route(base, table, name.replace("_", " ").slice(0, -1)), {
      method: "GET",
      path: base,
      handler: (ctx) => {
        const token = v2Page(ctx.params, ["financial_account"]);
        return listV2(
          newestFirst<V2Object>(
            ctx,
            table,
            (r) => !token.filters.financial_account || r.data.financial_account === token.filters.financial_account,
          ),
          token,
          base,
        );
      },
    });
  }
}
