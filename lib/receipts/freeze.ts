import "server-only";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { getBusiness } from "@/db/queries/businesses";
import {
  activeCardsOf,
  cardholdersWithOverdueReceipts,
  countMissingReceipts,
  freezePolicies,
  getSpendPolicy,
  heldReceiptFreezes,
  recordReceiptFreeze,
  releaseReceiptFreeze,
} from "@/db/queries/receipts";
import type { Business } from "@/db/schema";
import { applyCard } from "@/lib/events/read-models";

const DAY_MS = 86_400_000;

/** Purchases made before this are overdue under a policy of `days` days. */
export const overdueBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * The missing-receipt policy's job: for every business with one, freezes (Stripe status `inactive`)
 * each active card of a cardholder with a required receipt missing for more than the policy's days,
 * and records the freeze so the upload that clears the last one unfreezes exactly those cards.
 * `now` is the Issuing clock (the sandbox's in sandbox mode). Returns the cards it froze.
 */
export async function freezeForMissingReceipts(db: DbOrTx, stripe: Stripe, now: Date): Promise<string[]> {
  const frozen: string[] = [];
  for (const policy of await freezePolicies(db)) {
    if (policy.above == null || policy.days == null) continue;
    const business = await getBusiness(db, { businessId: policy.businessId });
    const accountId = business?.stripeAccountId;
    if (!accountId) continue;
    const holders = await cardholdersWithOverdueReceipts(db, {
      businessId: policy.businessId,
      accountId,
      above: policy.above,
      before: overdueBefore(now, policy.days),
    });
    for (const cardholderId of holders) {
      for (const { id } of await activeCardsOf(db, { accountId, cardholderId })) {
        try {
          const opts = { stripeAccount: accountId };
          const card = await stripe.issuing.cards.retrieve(id, {}, opts);
          if (card.status !== "active") continue;
          const updated = await stripe.issuing.cards.update(id, { status: "inactive" }, opts);
          await applyCard(db, accountId, updated, new Date());
          await recordReceiptFreeze(db, { cardId: id, businessId: policy.businessId, cardholderId, at: now });
          frozen.push(id);
        } catch (err) {
          // Left active: the next run tries again.
          console.error(`receipt policy: could not freeze ${id}`, err instanceof Error ? err.message : err);
        }
      }
    }
  }
  return frozen;
}

/**
 * After a receipt arrives: when the cardholder has no overdue receipt left, unfreezes the cards the
 * policy froze (only those: a card an owner or the cardholder froze stays frozen). Returns them.
 */
export async function releaseReceiptFreezes(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  cardholderId: string,
  now: Date,
): Promise<string[]> {
  const accountId = business.stripeAccountId;
  if (!accountId) return [];
  const held = await heldReceiptFreezes(db, { businessId: business.id, cardholderId });
  if (held.length === 0) return [];
  const policy = await getSpendPolicy(db, { businessId: business.id });
  if (policy?.receiptRequiredAbove != null && policy.freezeAfterDays != null) {
    const overdue = await countMissingReceipts(db, {
      businessId: business.id,
      accountId,
      above: policy.receiptRequiredAbove,
      cardholderId,
      before: overdueBefore(now, policy.freezeAfterDays),
    });
    if (overdue > 0) return [];
  }
  const released: string[] = [];
  const opts = { stripeAccount: accountId };
  for (const cardId of held) {
    const card = await stripe.issuing.cards.retrieve(cardId, {}, opts);
    if (card.status === "inactive") {
      const updated = await stripe.issuing.cards.update(cardId, { status: "active" }, opts);
      await applyCard(db, accountId, updated, new Date());
      released.push(cardId);
    }
    await releaseReceiptFreeze(db, { cardId, at: now });
  }
  return released;
}
