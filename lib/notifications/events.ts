import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { getBusinessByAccount } from "@/db/queries/businesses";
import {
  alertCardShipping,
  alertDeclinedPurchase,
  alertLowBalance,
  alertPayoutFailed,
  alertRequirementsDue,
  alertRequirementsDueV2,
  watchBalance,
  type BalanceWatch,
} from "./triggers";

type Json = Record<string, unknown>;

/** Called before a v1 event is applied: what the low-balance alert compares against afterwards. */
export const beforeSnapshotEvent = (db: DbOrTx, event: Stripe.Event): Promise<BalanceWatch | null> =>
  watchBalance(db, event.account ?? null);

/** The alerts a v1 event raises, once it is applied (same transaction). */
export async function alertsForSnapshotEvent(
  db: DbOrTx,
  event: Stripe.Event,
  watch: BalanceWatch | null,
  fresh: { account?: Stripe.Account } = {},
): Promise<void> {
  const obj = event.data.object as { object?: string; id?: string };
  const accountId = event.account ?? (obj.object === "account" ? (obj.id ?? null) : null);
  if (!accountId) return;
  const business = await getBusinessByAccount(db, { accountId });
  if (!business) return;
  switch (obj.object) {
    case "issuing.authorization":
      await alertDeclinedPurchase(db, business, accountId, obj as Stripe.Issuing.Authorization);
      break;
    case "issuing.card":
      await alertCardShipping(db, business, obj as Stripe.Issuing.Card);
      break;
    case "account":
      await alertRequirementsDue(db, business, fresh.account ?? (obj as Stripe.Account));
      break;
    case "payout":
    case "treasury.outbound_payment":
    case "treasury.outbound_transfer":
      await alertPayoutFailed(db, business, obj as Stripe.Payout);
      break;
  }
  await alertLowBalance(db, watch, new Date(event.created * 1000));
}

/** The alerts a v2 (thin) event raises once applied: a failed payout, a balance that fell low. */
export async function alertsForThinEvent(
  db: DbOrTx,
  accountId: string,
  related: Json,
  watch: BalanceWatch | null,
  at: Date,
): Promise<void> {
  const business = await getBusinessByAccount(db, { accountId });
  if (!business) return;
  const kind = String(related.object ?? "");
  if (kind === "v2.money_management.outbound_transfer" || kind === "v2.money_management.outbound_payment") {
    const amount = related.amount as { value?: unknown; currency?: unknown } | undefined;
    await alertPayoutFailed(db, business, {
      id: String(related.id),
      amount: Number(amount?.value ?? 0),
      currency: String(amount?.currency ?? "usdc"),
      status: String(related.status ?? ""),
    });
  }
  await alertLowBalance(db, watch, at);
}

/** The alert a v2 account's update raises once applied: requirements due now (Mexico, Argentina). */
export async function alertsForAccountV2(db: DbOrTx, account: Json): Promise<void> {
  if (typeof account.id !== "string") return;
  const business = await getBusinessByAccount(db, { accountId: account.id });
  if (business) await alertRequirementsDueV2(db, business, account);
}
