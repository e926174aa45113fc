import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import type { Row } from "../../store/store";
import { emitSaved, owned, TABLES, type Funding, type Json } from "./common";
import { renderCard } from "./card-model";
import type { AuthMoney } from "./funding";
import { addSpend } from "./spend";

/**
 * Stored authorizations keep `card`, `transactions` and `balance_transactions` as ids and are
 * rendered with those objects embedded (as Stripe returns them). Hidden state: the funding
 * source, how much is held right now, and when/where its spend counts for limits.
 */
export type Auth = Stripe.Issuing.Authorization;
export type AuthExtra = { funding: Funding; held: number; money: AuthMoney; spend_ms: number; holder: string };
export type AuthRow = Row<Auth> & { extra: AuthExtra };

export const loadAuth = (ctx: Ctx, id: string, param?: string) =>
  owned<Auth>(ctx, TABLES.auths, id, "issuing.authorization", param) as AuthRow;

export function renderAuth(ctx: Ctx, row: { data: Auth }): Auth {
  const a = row.data;
  const card = ctx.tx.get<Stripe.Issuing.Card>(TABLES.cards, a.card as unknown as string);
  const ids = (v: unknown) => (v as string[]) ?? [];
  return {
    ...a,
    card: card ? renderCard(ctx, card) : a.card,
    transactions: ids(a.transactions)
      .map((id) => ctx.tx.get<Stripe.Issuing.Transaction>(TABLES.txns, id)?.data)
      .filter((t): t is Stripe.Issuing.Transaction => !!t),
    balance_transactions: ids(a.balance_transactions)
      .map((id) => ctx.tx.get<Stripe.BalanceTransaction>(TABLES.balanceTxns, id)?.data)
      .filter((t): t is Stripe.BalanceTransaction => !!t),
  };
}

/** Stores an authorization and emits `.created` (first save) or `.updated` with previous_attributes. */
export function saveAuth(ctx: Ctx, before: AuthRow | null, next: Auth, extra: AuthExtra): Auth {
  next.balance_transactions = extra.money.balance_txns as unknown as Auth["balance_transactions"];
  if (next.treasury && extra.money.treasury_txn)
    next.treasury = { ...next.treasury, transaction: extra.money.treasury_txn };
  const row = { owner: before?.owner ?? ctx.account, data: next, extra };
  ctx.tx.put(TABLES.auths, next.id, row);
  const rendered = renderAuth(ctx, row);
  // The diff is of the stored ids; the event carries what the object showed (whole arrays of objects).
  emitSaved(ctx, "issuing_authorization", before && before.data, next, rendered, (prev) => {
    const old = (before ? renderAuth(ctx, before) : {}) as unknown as Json;
    for (const key of ["transactions", "balance_transactions"]) if (key in prev) prev[key] = old[key];
  });
  return rendered;
}

/** Counts (or un-counts) spend of this authorization toward its card's and cardholder's limits. */
export function countSpend(ctx: Ctx, a: Auth, extra: AuthExtra, delta: number): void {
  addSpend(ctx, [a.card as unknown as string, extra.holder], extra.spend_ms, a.merchant_data.category, delta);
}
