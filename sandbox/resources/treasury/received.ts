import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";

import { emitEvent } from "../../events/bus";
import { credit, debit } from "../../ledger/moves";
import { EXTERNAL, LedgerError } from "../../ledger/ledger";
import { fullAddress, ownedRow } from "../common";
import { listByFaRoute, loadFa, positiveAmount, requireTreasury, requireUsd, type FaRow } from "./common";
import { postedTxn } from "./transactions";

/**
 * ReceivedCredits and ReceivedDebits: money pushed into / pulled from an FA by someone else.
 * Both are terminal at creation: `succeeded` (posted transaction) or `failed` (no balance
 * change: a closed/restricted FA, or a debit larger than the cash).
 */
export const RCS = "treasury_received_credits";
export const RDS = "treasury_received_debits";
type Json = Record<string, unknown>;
type Rc = Stripe.Treasury.ReceivedCredit;
type Rd = Stripe.Treasury.ReceivedDebit;
type Opts = {
  amount: number;
  currency: string;
  network: string;
  description: string;
  initiating?: Json;
  source?: { type: string; id: string };
};

const usBank = (d: Json | undefined) => {
  const b = (d?.us_bank_account as Json | undefined) ?? {};
  return {
    billing_details: {
      address: fullAddress(null),
      email: null,
      name: (b.account_holder_name as string | undefined) ?? "Jane Austen",
    },
    type: "us_bank_account",
    us_bank_account: {
      bank_name: "STRIPE TEST BANK",
      last4: String(b.account_number ?? "000123456789").slice(-4),
      routing_number: (b.routing_number as string | undefined) ?? "110000000",
    },
  };
};
/** Stripe always answers `billing_details`; a card or a financial account has no name or address to give. */
function initiatingOf(o: Opts): Json {
  const given: Json = o.initiating ?? usBank(undefined);
  return { billing_details: { address: fullAddress(null), email: null, name: null }, ...given };
}

type Kind = "received_credit" | "received_debit";

/** Moves the money between `external` and the FA and posts its Transaction; returns the Transaction's id. */
function post(ctx: Ctx, kind: Kind, id: string, fa: FaRow, o: Opts, external: string): string {
  const flow = { type: kind, id };
  const move = kind === "received_credit" ? credit : debit;
  const j = move(
    ctx.tx,
    { holder: fa.data.id, currency: o.currency, amount: o.amount, flow, nowMs: ctx.nowMs },
    external,
  );
  return postedTxn(ctx, fa.data.id, flow, kind, j, o.description);
}

/** Saves the ReceivedCredit/Debit (terminal at creation) and emits its `.created` event. */
function saveReceived(
  ctx: Ctx,
  kind: Kind,
  id: string,
  fa: FaRow,
  o: Opts,
  failure: string | null,
  linked: Json,
  transaction: string | null,
): Json {
  const obj: Json = {
    id,
    object: `treasury.${kind}`,
    amount: o.amount,
    created: ctx.now,
    currency: o.currency,
    description: o.description,
    failure_code: failure,
    financial_account: fa.data.id,
    hosted_regulatory_receipt_url: `${ctx.origin}/_sandbox/receipts/${id}`,
    initiating_payment_method_details: initiatingOf(o),
    linked_flows: linked,
    livemode: false,
    network: o.network,
    reversal_details: { deadline: ctx.now + 5 * 86400, restricted_reason: null },
    status: failure ? "failed" : "succeeded",
    transaction,
  };
  ctx.tx.put(kind === "received_credit" ? RCS : RDS, id, { owner: fa.owner, data: obj });
  emitEvent(ctx, `treasury.${kind}.created`, obj, { account: fa.owner });
  return obj;
}

/** Books a credit into `fa` (used by the test helper, intra-Stripe flows, and later Issuing refunds). */
export function receiveCredit(ctx: Ctx, fa: FaRow, o: Opts & { linked?: Json }): Rc {
  const id = ctx.id("rc");
  const blocked =
    fa.data.status === "closed"
      ? "account_closed"
      : fa.data.platform_restrictions?.inbound_flows === "restricted"
        ? "other"
        : null;
  const transaction = blocked
    ? null
    : post(ctx, "received_credit", id, fa, o, o.network === "stripe" ? EXTERNAL.stripe : EXTERNAL.bank);
  const linked = {
    credit_reversal: null,
    issuing_authorization: null,
    issuing_transaction: null,
    source_flow: o.source?.id ?? null,
    source_flow_type: o.source?.type ?? null,
    ...o.linked,
  };
  const rc = saveReceived(ctx, "received_credit", id, fa, o, blocked, linked, transaction);
  emitEvent(ctx, `treasury.received_credit.${rc.status}`, rc, { account: fa.owner });
  return rc as unknown as Rc;
}

/** Books a debit out of `fa`; `failed` with `insufficient_funds` when cash is short. */
export function receiveDebit(ctx: Ctx, fa: FaRow, o: Opts & { linked?: Json }): Rd {
  const id = ctx.id("rd");
  let failure: string | null = fa.data.status === "closed" ? "account_closed" : null;
  let transaction: string | null = null;
  if (!failure) {
    try {
      transaction = post(ctx, "received_debit", id, fa, o, o.network === "card" ? EXTERNAL.card : EXTERNAL.bank);
    } catch (err) {
      if (!(err instanceof LedgerError) || err.code !== "insufficient_funds") throw err;
      failure = "insufficient_funds";
    }
  }
  const linked = {
    debit_reversal: null,
    inbound_transfer: null,
    issuing_authorization: null,
    issuing_transaction: null,
    payout: null,
    topup: null,
    ...o.linked,
  };
  return saveReceived(ctx, "received_debit", id, fa, o, failure, linked, transaction) as unknown as Rd;
}

export function registerReceivedRoutes(kernel: Kernel): void {
  for (const [kind, table] of [
    ["received_credit", RCS],
    ["received_debit", RDS],
  ] as const) {
    const base = `/v1/treasury/${kind}s`;
    kernel.router.add(
      {
        method: "GET",
        path: `${base}/:id`,
        handler: (ctx) => (requireTreasury(ctx), ownedRow(ctx, table, ctx.path.id ?? "", `treasury.${kind}`).data),
      },
      listByFaRoute(base, table, `treasury.${kind}`),
      {
        method: "POST",
        path: `/v1/test_helpers/treasury/${kind}s`,
        handler: (ctx) => {
          requireTreasury(ctx);
          const p = ctx.params;
          const fa = loadFa(ctx, String(p.financial_account));
          const o = {
            amount: positiveAmount(p.amount),
            currency: requireUsd(fa, p.currency),
            network: String(p.network),
            description: (p.description as string | undefined) ?? "Stripe Test",
            initiating: usBank(p.initiating_payment_method_details as Json | undefined),
          };
          return kind === "received_credit" ? receiveCredit(ctx, fa, o) : receiveDebit(ctx, fa, o);
        },
      },
    );
    kernel.expanders.set(kind === "received_credit" ? "rc" : "rd", (id, ctx) => {
      const row = ctx.tx.get(table, id);
      return row && row.owner === ctx.account ? row.data : null;
    });
  }
}
