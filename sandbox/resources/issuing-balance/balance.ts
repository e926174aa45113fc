import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import { BALANCES, balanceOf, type Balance } from "../../ledger/ledger";
import { loadAccount } from "../accounts/store";

/**
 * Stripe balances for UK/EEA Issuing: the account's Issuing balance (`issuing:<acct>` in the
 * ledger) and its payments balance (`payments:<acct>`), shown by `GET /v1/balance`. Top-ups add to
 * one of them (`destination_balance`), payouts take from one (`source_balance`); cards on the
 * Issuing balance hold and capture against `issuing:<acct>` (`issuing/funding.ts`).
 */
export const issuingHolder = (account: string) => `issuing:${account}`;
export const paymentsHolder = (account: string) => `payments:${account}`;
export type BalanceName = "issuing" | "payments";
export const holderOf = (account: string, name: BalanceName) =>
  name === "issuing" ? issuingHolder(account) : paymentsHolder(account);

/** The holder's balances, read through the request's change set (so an event in the same request sees its own move). */
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

/**
 * `GET /v1/balance` in the SDK's `Balance` shape. The payments balance shows `available` (cash) and
 * `pending` (inbound_pending: top-ups not yet settled). Stripe's `issuing` hash has `available` only,
 * so a pending Issuing top-up shows in `GET /v1/topups`, not here; money held by an authorization or
 * a pending payout (outbound_pending) is in neither list.
 */
export function balance(ctx: Ctx, touched?: string): Stripe.Balance {
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

/** A context acting as `owner` (a `/_sandbox` control or a delayed job runs as the platform). */
export function asOwner(ctx: Ctx, owner: string): Ctx {
  return { ...ctx, account: owner, isConnected: owner !== ctx.platform };
}
