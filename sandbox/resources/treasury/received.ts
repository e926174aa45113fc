import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { listV1 } from "../../wire/list";

import { emitEvent } from "../../events/bus";
import { credit, debit } from "../../ledger/moves";
import { EXTERNAL, LedgerError } from "../../ledger/ledger";
import { fullAddress, newestFirst, ownedRow } from "../common";
import { loadFa, positiveAmount, requireTreasury, requireUsd, type FaRow } from "./common";
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

/** Books a credit into `fa` (used by the test helper, intra-Stripe flows, and later Issuing refunds). */
export function receiveCredit(ctx: Ctx, fa: FaRow, o: Opts & { linked?: Json }): Rc {
  const id = ctx.id("rc");
  const blocked =
    fa.data.status === "closed"
      ? "account_closed"
      : fa.data.platform_restrictions?.inbound_flows === "restricted"
        ? "other"
        : null;
  let transaction: string | null = null;
  if (!blocked) {
    const j = credit(
      ctx.tx,
      {
        holder: fa.data.id,
        currency: o.currency,
        amount: o.amount,
        flow: { type: "received_credit", id },
        nowMs: ctx.nowMs,
      },
      o.network === "stripe" ? EXTERNAL.stripe : EXTERNAL.bank,
    );
    transaction = postedTxn(ctx, fa.data.id, { type: "received_credit", id }, "received_credit", j, o.description);
  }
  const rc = {
    id,
    object: "treasury.received_credit",
    amount: o.amount,
    created: ctx.now,
    currency: o.currency,
    description: o.description,
    failure_code: blocked,
    financial_account: fa.data.id,
    hosted_regulatory_receipt_url: `${ctx.origin}/_sandbox/receipts/${id}`,
    initiating_payment_method_details: initiatingOf(o),
    linked_flows: {
      credit_reversal: null,
      issuing_authorization: null,
      issuing_transaction: null,
      source_flow: o.source?.id ?? null,
      source_flow_type: o.source?.type ?? null,
      ...o.linked,
    },
    livemode: false,
    network: o.network,
    reversal_details: { deadline: ctx.now + 5 * 86400, restricted_reason: null },
    status: blocked ? "failed" : "succeeded",
    transaction,
  } as unknown as Rc;
  ctx.tx.put(RCS, id, { owner: fa.owner, data: rc });
  emitEvent(ctx, "treasury.received_credit.created", rc as unknown as Json, { account: fa.owner });
  emitEvent(ctx, `treasury.received_credit.${rc.status}`, rc as unknown as Json, { account: fa.owner });
  return rc;
}

/** Books a debit out of `fa`; `failed` with `insufficient_funds` when cash is short. */
export function receiveDebit(ctx: Ctx, fa: FaRow, o: Opts & { linked?: Json }): Rd {
  const id = ctx.id("rd");
  let failure: string | null = fa.data.status === "closed" ? "account_closed" : null;
  let transaction: string | null = null;
  if (!failure) {
    try {
      const j = debit(
        ctx.tx,
        {
          holder: fa.data.id,
          currency: o.currency,
          amount: o.amount,
          flow: { type: "received_debit", id },
          nowMs: ctx.nowMs,
        },
        o.network === "card" ? EXTERNAL.card : EXTERNAL.bank,
      );
      transaction = postedTxn(ctx, fa.data.id, { type: "received_debit", id }, "received_debit", j, o.description);
    } catch (err) {
      if (!(err instanceof LedgerError) || err.code !== "insufficient_funds") throw err;
      failure = "insufficient_funds";
    }
  }
  const rd = {
    id,
    object: "treasury.received_debit",
    amount: o.amount,
    created: ctx.now,
    currency: o.currency,
    description: o.description,
    failure_code: failure,
    financial_account: fa.data.id,
    hosted_regulatory_receipt_url: `${ctx.origin}/_sandbox/receipts/${id}`,
    initiating_payment_method_details: initiatingOf(o),
    linked_flows: {
      debit_reversal: null,
      inbound_transfer: null,
      issuing_authorization: null,
      issuing_transaction: null,
      payout: null,
      topup: null,
      ...o.linked,
    },
    livemode: false,
    network: o.network,
    reversal_details: { deadline: ctx.now + 5 * 86400, restricted_reason: null },
    status: failure ? "failed" : "succeeded",
    transaction,
  } as unknown as Rd;
  ctx.tx.put(RDS, id, { owner: fa.owner, data: rd });
  emitEvent(ctx, "treasury.received_debit.created", rd as unknown as Json, { account: fa.owner });
  return rd;
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
      {
        method: "GET",
        path: base,
        handler: (ctx) => {
          requireTreasury(ctx);
          const fa = loadFa(ctx, String(ctx.params.financial_account)).data.id;
          return listV1(
            newestFirst<{ id: string; financial_account: string; status: string }>(
              ctx,
              table,
              (r) => r.data.financial_account === fa && (!ctx.params.status || r.data.status === ctx.params.status),
            ),
            ctx.params,
            base,
            `treasury.${kind}`,
          );
        },
      },
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
