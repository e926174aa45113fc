import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest, resourceMissing } from "../../wire/errors";
import { listV1 } from "../../wire/list";
import { newestFirst } from "../common";
import type { BalanceName } from "./balance";

/** Balance transactions of every balance (payments and Issuing), one table, owned by the account they move. */
export const BALANCE_TXNS = "balance_transactions";
export const PAYOUTS = "payouts";

export type BalanceTxnInput = {
  /** Signed: what the balance gains (negative when money leaves it). */
  amount: number;
  currency: string;
  type: Stripe.BalanceTransaction.Type;
  /** The object that caused it (`tu_…`, `po_…`, `iauth_…`, `ipi_…`). */
  source: string;
  balance: BalanceName;
  description?: string | null;
  /**
   * Stripe's reporting category for the type ("the category of the transaction for reporting"):
   * the type itself except where Stripe groups several types (a payout failure or cancellation
   * reports as `payout_reversal`). [guess: category names from Stripe's reporting-category table]
   */
  reporting_category?: string;
};

/** Records one balance transaction in the SDK's `BalanceTransaction` shape and returns it. No fees: `fee` 0, `net` = amount. */
export function recordBalanceTxn(ctx: Ctx, input: BalanceTxnInput): Stripe.BalanceTransaction {
  const bt = {
    id: ctx.id("txn"),
    object: "balance_transaction",
    amount: input.amount,
    available_on: ctx.now,
    balance_type: input.balance,
    created: ctx.now,
    currency: input.currency,
    description: input.description ?? null,
    exchange_rate: null,
    fee: 0,
    fee_details: [],
    net: input.amount,
    reporting_category: input.reporting_category ?? input.type,
    source: input.source,
    status: "available",
    type: input.type,
  } as Stripe.BalanceTransaction;
  ctx.tx.put(BALANCE_TXNS, bt.id, { owner: ctx.account, data: bt });
  return bt;
}

/** `GET /v1/balance_transactions[/:id]`: the acting account's own, newest first, filtered as the SDK's list params allow. */
export function registerBalanceTransactionRoutes(kernel: Kernel): void {
  kernel.router.add(
    {
      method: "GET",
      path: "/v1/balance_transactions/:id",
      handler: (ctx) => {
        const row = ctx.tx.get(BALANCE_TXNS, ctx.path.id ?? "");
        if (!row || row.owner !== ctx.account) throw resourceMissing("balance_transaction", ctx.path.id ?? "");
        return row.data;
      },
    },
    {
      method: "GET",
      path: "/v1/balance_transactions",
      handler: (ctx) => {
        const p = ctx.params;
        if (p.payout !== undefined) {
          const payout = ctx.tx.get<Stripe.Payout>(PAYOUTS, String(p.payout));
          if (!payout || payout.owner !== ctx.account) throw resourceMissing("payout", String(p.payout), "payout");
          // Every payout here is manual (`automatic: false`); Stripe filters by automatic payouts only.
          throw invalidRequest("Balance transaction history can only be filtered on automatic transfers, not manual.", {
            param: "payout",
          });
        }
        const keep = (bt: Stripe.BalanceTransaction) =>
          (p.type === undefined || bt.type === p.type) &&
          (p.source === undefined || bt.source === p.source) &&
          (p.currency === undefined || bt.currency === String(p.currency).toLowerCase());
        const items = newestFirst<Stripe.BalanceTransaction>(ctx, BALANCE_TXNS, (r) => keep(r.data));
        return listV1(items, p, "/v1/balance_transactions", "balance_transaction");
      },
    },
  );
  kernel.expanders.set("txn", (id, ctx) => {
    const row = ctx.tx.get(BALANCE_TXNS, id);
    return row && row.owner === ctx.account ? (row.data as Record<string, unknown>) : null;
  });
}
