import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { declinesForAuthorizations } from "@/db/queries/authorization-decisions";
import { getBusinessByAccount } from "@/db/queries/businesses";
import {
  lowBalanceThreshold,
  membersForCardholder,
  membersWithRoles,
  storedBalances,
} from "@/db/queries/notifications";
import type { Business } from "@/db/schema";
import { explainDecline } from "@/lib/cards/declines";
import { balanceCurrencyFor } from "@/lib/funding-model";
import { formatMoney } from "@/lib/money";
import { notify } from "./notify";

/**
 * What each webhook-driven alert says and to whom. Every alert's dedupe key names the Stripe
 * object and the state alerted on, so applying the same event again (a redelivery or an admin's
 * replay) alerts nobody twice.
 */
const idOf = (v: string | { id: string } | null | undefined) => (v == null ? null : typeof v === "string" ? v : v.id);
const owners = (db: DbOrTx, business: Business) => membersWithRoles(db, { businessId: business.id, roles: ["owner"] });
const ids = (rows: Array<{ userId: string }>) => rows.map((r) => r.userId);

/** A declined purchase: the card's holder (if they sign in) gets an email; owners see it in the app too. */
export async function alertDeclinedPurchase(
  db: DbOrTx,
  business: Business,
  accountId: string,
  a: Stripe.Issuing.Authorization,
): Promise<void> {
  if (a.approved) return;
  const cardId = idOf(a.card);
  const holderId = idOf(a.cardholder) ?? idOf((a.card as Stripe.Issuing.Card | null)?.cardholder);
  const last = a.request_history?.[a.request_history.length - 1];
  const [decision] = await declinesForAuthorizations(db, { accountId, authorizationIds: [a.id] });
  const explained = explainDecline({
    reason: last?.reason ?? null,
    verification: a.verification_data ?? null,
    decision: decision ?? null,
  });
  const amount = a.amount || a.pending_request?.amount || last?.amount || 0;
  const merchant = a.merchant_data?.name ?? "a merchant";
  const title = `Purchase declined: ${formatMoney(amount, a.currency)} at ${merchant}`;
  const body = explained ? `${explained.why}. ${explained.next}.` : "The purchase was declined.";
  const holders = holderId ? await membersForCardholder(db, { businessId: business.id, cardholderId: holderId }) : [];
  const base = {
    businessId: business.id,
    kind: "purchase_declined" as const,
    title,
    body,
    dedupeKey: `decline:${a.id}`,
  };
  await notify(db, { ...base, userIds: ids(holders), link: "/my-cards", email: true });
  // Owners always see it in the app; they get the email only when nobody signs in as the holder.
  await notify(db, {
    ...base,
    userIds: ids(await owners(db, business)),
    link: cardId ? `/cards/${cardId}` : "/cards",
    email: holders.length === 0,
  });
}

const SHIPPING_WORDS: Record<string, string> = {
  shipped: "has shipped",
  delivered: "was delivered",
  returned: "was returned to the sender",
  failure: "could not be delivered",
};

/** A physical card's shipping status changed: its holder and the owners hear of each status once. */
export async function alertCardShipping(db: DbOrTx, business: Business, card: Stripe.Issuing.Card): Promise<void> {
  const status = card.shipping?.status;
  if (!status || !SHIPPING_WORDS[status]) return;
  const holderId = idOf(card.cardholder);
  const holders = holderId ? await membersForCardholder(db, { businessId: business.id, cardholderId: holderId }) : [];
  const delivered = status === "delivered" ? " Activate it once you have it." : "";
  await notify(db, {
    userIds: [...ids(holders), ...ids(await owners(db, business))],
    businessId: business.id,
    kind: "card_shipping",
    title: `Card •••• ${card.last4} ${SHIPPING_WORDS[status]}`,
    body: `The physical card ending ${card.last4} ${SHIPPING_WORDS[status]}.${delivered}`,
    link: `/cards/${card.id}`,
    dedupeKey: `card-shipping:${card.id}:${status}`,
    email: true,
  });
}

/**
 * The account needs information: owners (who alone can open onboarding) are told once per
 * account and set of fields due.
 */
async function alertDue(db: DbOrTx, business: Business, accountId: string, due: string[], deadline: Date | null) {
  if (due.length === 0) return;
  const by = deadline && !Number.isNaN(deadline.getTime()) ? ` by ${deadline.toISOString().slice(0, 10)}` : "";
  await notify(db, {
    userIds: ids(await owners(db, business)),
    businessId: business.id,
    kind: "requirements_due",
    title: "Your account needs information",
    body: `Stripe needs ${due.length} more detail${due.length === 1 ? "" : "s"}${by} to keep your account working: ${due.slice(0, 5).join(", ")}${due.length > 5 ? ", …" : ""}.`,
    link: "/onboarding",
    dedupeKey: `requirements:${accountId}:${due.join(",")}`.slice(0, 500),
    email: true,
  });
}

/** A v1 account's `currently_due` (which includes what is past due). */
export async function alertRequirementsDue(db: DbOrTx, business: Business, account: Stripe.Account): Promise<void> {
  const due = [...(account.requirements?.currently_due ?? [])].sort();
  const deadline = account.requirements?.current_deadline;
  await alertDue(db, business, account.id, due, deadline ? new Date(deadline * 1000) : null);
}

type Json = Record<string, unknown>;
const DUE_NOW = ["currently_due", "past_due"];

/**
 * A v2 account's requirement entries that are due now or past due and wait on the business (not
 * on Stripe's own review); entries only eventually due are left for later.
 */
export function dueEntriesV2(account: Json): string[] {
  const requirements = (account.requirements ?? {}) as { entries?: Json[] };
  const due = (requirements.entries ?? [])
    .filter((e) => DUE_NOW.includes(String((e.minimum_deadline as Json | undefined)?.status)))
    .filter((e) => e.awaiting_action_from !== "stripe")
    .map((e) => e.description)
    .filter((d): d is string => typeof d === "string");
  return [...new Set(due)].sort();
}

export async function alertRequirementsDueV2(db: DbOrTx, business: Business, account: Json): Promise<void> {
  if (typeof account.id !== "string") return;
  const summary = ((account.requirements as Json | undefined)?.summary ?? {}) as Json;
  const time = (summary.minimum_deadline as Json | undefined)?.time;
  await alertDue(db, business, account.id, dueEntriesV2(account), typeof time === "string" ? new Date(time) : null);
}

export type PayoutLike = { id: string; amount: number; currency: string; status: string };

/** A payout (or outbound payment or transfer) failed: owners are told once. */
export async function alertPayoutFailed(db: DbOrTx, business: Business, p: PayoutLike): Promise<void> {
  if (p.status !== "failed") return;
  await notify(db, {
    userIds: ids(await owners(db, business)),
    businessId: business.id,
    kind: "payout_failed",
    title: `A payout of ${formatMoney(Math.abs(p.amount), p.currency)} failed`,
    body: `The payout ${p.id} of ${formatMoney(Math.abs(p.amount), p.currency)} failed; the money stays in your balance. Check the destination account and try again.`,
    link:
      business.fundingModel === "stablecoin"
        ? "/payouts"
        : business.fundingModel === "treasury"
          ? "/money"
          : "/balance",
    dedupeKey: `payout-failed:${p.id}`,
    email: true,
  });
}

/** The financial-account row whose available balance the business's low-balance alert watches. */
function balanceRowOf(business: Business, accountId: string): string | null {
  return business.fundingModel === "issuing_balance" ? `issuing:${accountId}` : business.financialAccountId;
}

export type BalanceWatch = { business: Business; accountId: string; row: string; before: number | null };

const availableIn = (balances: Record<string, { available: number }> | null, currency: string) =>
  balances ? (balances[currency]?.available ?? null) : null;

/** Reads the watched balance before an event is applied (null when the business has no threshold). */
export async function watchBalance(db: DbOrTx, accountId: string | null): Promise<BalanceWatch | null> {
  if (!accountId) return null;
  const business = await getBusinessByAccount(db, { accountId });
  if (!business) return null;
  const row = balanceRowOf(business, accountId);
  if (!row || (await lowBalanceThreshold(db, { businessId: business.id })) === null) return null;
  const before = availableIn(await storedBalances(db, { accountId, id: row }), balanceCurrencyFor(business.country));
  return { business, accountId, row, before };
}

/**
 * After the event: alerts owners when the balance went from at or above the threshold (or unknown)
 * to below it, so each crossing alerts once and a balance that stays low says nothing more.
 */
export async function alertLowBalance(db: DbOrTx, watch: BalanceWatch | null, at: Date): Promise<void> {
  if (!watch) return;
  const { business } = watch;
  const threshold = await lowBalanceThreshold(db, { businessId: business.id });
  const currency = balanceCurrencyFor(business.country);
  const after = availableIn(await storedBalances(db, { accountId: watch.accountId, id: watch.row }), currency);
  if (threshold === null || after === null || after >= threshold) return;
  if (watch.before !== null && watch.before < threshold) return;
  await notify(db, {
    userIds: ids(await owners(db, business)),
    businessId: business.id,
    kind: "low_balance",
    title: `Balance below ${formatMoney(threshold, currency)}`,
    body: `Your available balance is ${formatMoney(after, currency)}, below your alert threshold of ${formatMoney(threshold, currency)}. Add funds so card purchases keep going through.`,
    link:
      business.fundingModel === "issuing_balance"
        ? "/balance"
        : business.fundingModel === "treasury"
          ? "/money"
          : "/wallet",
    dedupeKey: `low-balance:${watch.row}:${at.getTime()}`,
    email: true,
  });
}
