import type Stripe from "stripe";
import type { Kernel } from "../kernel";
import type { Ctx } from "../wire/context";
import { ApiError, invalidRequest } from "../wire/errors";
import { listV1 } from "../wire/list";

import { emitEvent } from "../events/bus";
import { BALANCES, balanceOf, LedgerError, type Balance } from "../ledger/ledger";
import { credit, debit } from "../ledger/moves";
import { newestFirst, ownedRow } from "./common";
import { loadAccount } from "./accounts/store";

/**
 * Stripe balances for UK/EEA Issuing: the account's Issuing balance (`issuing:<acct>` in
 * the ledger) and its payments balance (`payments:<acct>`), shown by `GET /v1/balance`;
 * top-ups add to one of them (`destination_balance`), payouts take from one (`source_balance`).
 * Cards on the Issuing balance (next issue) hold funds with `hold(issuing:<acct>)`.
 */
export const issuingHolder = (account: string) => `issuing:${account}`;
export const paymentsHolder = (account: string) => `payments:${account}`;
const TOPUPS = "topups";
const PAYOUTS = "payouts";
type Json = Record<string, unknown>;

/** The holder's balances, read through the request's change set (so an event in the same request sees its own top-up). */
function currenciesOf(ctx: Ctx, holder: string, extra?: string): Balance[] {
  const currencies = new Set(
    ctx.kernel.store
      .rows<Balance>(BALANCES)
      .map(([, r]) => r.data)
      .filter((b) => b.holder === holder)
      .map((b) => b.currency),
  );
  if (extra) currencies.add(extra);
  return Array.from(currencies, (c) => balanceOf(ctx.tx, holder, c)).filter(
    (b) => b.cash || b.inbound_pending || b.outbound_pending || b.currency === extra,
  );
}

function balance(ctx: Ctx, touched?: string): Stripe.Balance {
  const fallback = loadAccount(ctx, ctx.account)?.data.default_currency ?? "usd";
  const list = (holder: string, bucket: "cash" | "inbound_pending") => {
    const rows = currenciesOf(ctx, holder, touched);
    const out = rows.map((b) => ({ amount: b[bucket], currency: b.currency }));
    return out.length ? out : [{ amount: 0, currency: fallback }];
  };
  return {
    object: "balance",
    available: list(paymentsHolder(ctx.account), "cash").map((a) => ({ ...a, source_types: { card: a.amount } })),
    connect_reserved: [{ amount: 0, currency: fallback }],
    issuing: { available: list(issuingHolder(ctx.account), "cash") },
    livemode: false,
    pending: list(paymentsHolder(ctx.account), "inbound_pending").map((a) => ({
      ...a,
      source_types: { card: a.amount },
    })),
  } as Stripe.Balance;
}

const amountParam = (v: unknown) => {
  if (typeof v !== "number" || v <= 0)
    throw invalidRequest("Invalid amount: must be a positive integer in the currency's minor unit.", {
      param: "amount",
      code: "parameter_invalid_integer",
    });
  return v;
};

export function registerIssuingBalanceRoutes(kernel: Kernel): void {
  kernel.router.add(
    { method: "GET", path: "/v1/balance", handler: balance },
    {
      method: "POST",
      path: "/v1/topups",
      handler: (ctx) => {
        const p = ctx.params;
        const amount = amountParam(p.amount);
        const currency = String(p.currency).toLowerCase();
        const destination = (p.destination_balance as string | undefined) ?? "payments";
        const id = ctx.id("tu");
        credit(ctx.tx, {
          holder: destination === "issuing" ? issuingHolder(ctx.account) : paymentsHolder(ctx.account),
          currency,
          amount,
          flow: { type: "topup", id },
          nowMs: ctx.nowMs,
        });
        // Test-mode top-ups succeed at once (live ones take days). [guess]
        const topup = {
          id,
          object: "topup",
          amount,
          balance_transaction: null,
          created: ctx.now,
          currency,
          description: (p.description as string | undefined) ?? null,
          destination_balance: destination,
          expected_availability_date: ctx.now,
          failure_code: null,
          failure_message: null,
          initiated_by: "user",
          livemode: false,
          metadata: (p.metadata as Json | undefined) ?? {},
          source: null,
          statement_descriptor: (p.statement_descriptor as string | undefined) ?? null,
          status: "succeeded",
          transfer_group: (p.transfer_group as string | undefined) ?? null,
        };
        ctx.tx.put(TOPUPS, id, { owner: ctx.account, data: topup });
        emitEvent(ctx, "topup.created", topup);
        emitEvent(ctx, "topup.succeeded", topup);
        emitEvent(ctx, "balance.available", balance(ctx, currency) as unknown as Json);
        return topup;
      },
    },
    { method: "GET", path: "/v1/topups/:id", handler: (ctx) => ownedRow(ctx, TOPUPS, ctx.path.id ?? "", "topup").data },
    {
      method: "GET",
      path: "/v1/topups",
      handler: (ctx) => listV1(newestFirst<{ id: string }>(ctx, TOPUPS), ctx.params, "/v1/topups", "topup"),
    },
    {
      method: "POST",
      path: "/v1/payouts",
      handler: (ctx) => {
        const p = ctx.params;
        const amount = amountParam(p.amount);
        const currency = String(p.currency).toLowerCase();
        const source = (p.source_balance as string | undefined) ?? "payments";
        const bank = loadAccount(ctx, ctx.account)?.data.external_accounts?.data[0];
        const id = ctx.id("po");
        try {
          debit(ctx.tx, {
            holder: source === "issuing" ? issuingHolder(ctx.account) : paymentsHolder(ctx.account),
            currency,
            amount,
            flow: { type: "payout", id },
            nowMs: ctx.nowMs,
          });
        } catch (err) {
          if (!(err instanceof LedgerError) || err.code !== "insufficient_funds") throw err;
          throw new ApiError(400, {
            type: "invalid_request_error",
            code: "balance_insufficient",
            param: "amount",
            message: `You have insufficient funds in your ${source === "issuing" ? "Issuing" : "Stripe"} balance for this payout: ${err.details.available ?? 0} ${currency} available. Top up the balance or pay out less.`,
          });
        }
        // Test-mode payouts are treated as paid at once. [guess: Stripe shows pending/in_transit until the arrival date]
        const payout = {
          id,
          object: "payout",
          amount,
          application_fee: null,
          application_fee_amount: null,
          arrival_date: ctx.now,
          automatic: false,
          balance_transaction: null,
          created: ctx.now,
          currency,
          description: (p.description as string | undefined) ?? null,
          destination: (p.destination as string | undefined) ?? bank?.id ?? null,
          failure_balance_transaction: null,
          failure_code: null,
          failure_message: null,
          livemode: false,
          metadata: (p.metadata as Json | undefined) ?? {},
          method: (p.method as string | undefined) ?? "standard",
          original_payout: null,
          payout_method: null,
          reconciliation_status: "not_applicable",
          reversed_by: null,
          source_type: "card",
          statement_descriptor: (p.statement_descriptor as string | undefined) ?? null,
          status: "paid",
          trace_id: { status: "supported", value: null },
          type: "bank_account",
        };
        ctx.tx.put(PAYOUTS, id, { owner: ctx.account, data: payout });
        emitEvent(ctx, "payout.created", payout);
        emitEvent(ctx, "payout.paid", payout);
        return payout;
      },
    },
    {
      method: "GET",
      path: "/v1/payouts/:id",
      handler: (ctx) => ownedRow(ctx, PAYOUTS, ctx.path.id ?? "", "payout").data,
    },
    {
      method: "GET",
      path: "/v1/payouts",
      handler: (ctx) => listV1(newestFirst<{ id: string }>(ctx, PAYOUTS), ctx.params, "/v1/payouts", "payout"),
    },
  );
}
