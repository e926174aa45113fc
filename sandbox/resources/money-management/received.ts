import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { listV2, v2Page } from "../../wire/list";

import { credit, debit } from "../../ledger/moves";
import { EXTERNAL, LedgerError, type Journal } from "../../ledger/ledger";
import { newestFirst } from "../common";
import { iso, money, ownedV2, saveV2, T, type Json, type Money, type V2Object } from "./common";
import type { V2Fa } from "./financial-accounts";
import { postedV2Txn } from "./transactions";

/**
 * v2 ReceivedCredits/ReceivedDebits: money pushed into or pulled out of a v2 FA by someone
 * else (a bank transfer to a financial address, another FA's outbound payment, card spend).
 * `journal` lets a caller that already moved the money (a conversion) only record it.
 */
/** `details` is the hash named after `type` (`balance_transfer`, `bank_transfer`, `card_spend`); types without one (`external_debit`) pass none. */
type Received = { type: string; description?: string; details?: Json; journal?: Journal };

/** The v2 shape: what is not known is left out (no receipt, no description, no transitions yet), never null. */
function receivedObject(
  base: V2Object,
  r: Received,
  status: string,
  failure: Json | undefined,
  at: Record<string, string>,
): V2Object {
  return {
    ...base,
    ...(r.description ? { description: r.description } : {}),
    status,
    ...(failure ? { status_details: failure } : {}),
    status_transitions: at,
    type: r.type,
    ...(r.details ? { [r.type]: r.details } : {}),
  };
}

export function receiveV2Credit(ctx: Ctx, fa: V2Fa, owner: string, amount: Money, r: Received): V2Object {
  const id = ctx.id("rc_test", 40);
  const failed = fa.status !== "open";
  if (!failed) {
    const j =
      r.journal ??
      credit(
        ctx.tx,
        {
          holder: fa.id,
          currency: amount.currency,
          amount: amount.value,
          flow: { type: "received_credit", id },
          nowMs: ctx.nowMs,
        },
        EXTERNAL.bank,
      );
    postedV2Txn(ctx, owner, fa.id, "received_credit", { type: "received_credit", id }, j);
  }
  const rc = receivedObject(
    {
      id,
      object: "v2.money_management.received_credit",
      amount,
      created: iso(ctx),
      financial_account: fa.id,
      livemode: false,
    },
    r,
    failed ? "failed" : "succeeded",
    failed ? { failed: { reason: "financial_address_inactive" } } : undefined,
    failed ? { failed_at: iso(ctx) } : { succeeded_at: iso(ctx) },
  );
  return saveV2(ctx, T.rcs, owner, rc, failed ? "failed" : "succeeded");
}

/** Pulls money out of a v2 FA; `failed` (insufficient_funds) when available is short. */
export function receiveV2Debit(ctx: Ctx, fa: V2Fa, owner: string, amount: Money, r: Received): V2Object {
  const id = ctx.id("rd_test", 40);
  let reason: string | null = fa.status !== "open" ? "financial_address_inactive" : null;
  if (!reason) {
    try {
      const j =
        r.journal ??
        debit(
          ctx.tx,
          {
            holder: fa.id,
            currency: amount.currency,
            amount: amount.value,
            flow: { type: "received_debit", id },
            nowMs: ctx.nowMs,
          },
          EXTERNAL.bank,
        );
      postedV2Txn(ctx, owner, fa.id, "received_debit", { type: "received_debit", id }, j);
    } catch (err) {
      if (!(err instanceof LedgerError) || err.code !== "insufficient_funds") throw err;
      reason = "insufficient_funds";
    }
  }
  const rd = receivedObject(
    {
      id,
      object: "v2.money_management.received_debit",
      amount: money(amount.value, amount.currency),
      created: iso(ctx),
      financial_account: fa.id,
      livemode: false,
    },
    r,
    reason ? "failed" : "succeeded",
    reason ? { failed: { reason } } : undefined,
    reason ? { failed_at: iso(ctx) } : { succeeded_at: iso(ctx) },
  );
  return saveV2(ctx, T.rds, owner, rd, reason ? "failed" : "succeeded");
}

export function registerV2ReceivedRoutes(kernel: Kernel): void {
  for (const [name, table] of [
    ["received_credits", T.rcs],
    ["received_debits", T.rds],
  ] as const) {
    const base = `/v2/money_management/${name}`;
    kernel.router.add(
      {
        method: "GET",
        path: `${base}/:id`,
        handler: (ctx) => ownedV2(ctx, table, ctx.path.id ?? "", name.replace("_", " ").slice(0, -1)).data,
      },
      {
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
      },
    );
  }
}
