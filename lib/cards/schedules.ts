import "server-only";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { dueCardSchedules, markCardScheduleDone } from "@/db/queries/card-schedules";
import { sandboxUrl, stripeMode } from "@/lib/config";
import { applyCard } from "@/lib/events/read-models";

/** The time cards live by: Stripe's (the wall clock), or the sandbox's clock, which tests move. */
export async function issuingNow(): Promise<Date> {
  if (stripeMode() !== "sandbox") return new Date();
  const res = await fetch(`${sandboxUrl()}/_sandbox/clock`);
  const { now } = (await res.json()) as { now: number };
  return new Date(now * 1000);
}

/**
 * Cancels the cards whose end date has passed (Stripe has no end date of our own: this job is it).
 * Safe to run from several instances at once: canceling a canceled card is skipped, and the row is
 * marked done only after Stripe has the card canceled. Returns the cards it canceled.
 */
export async function cancelDueCards(db: DbOrTx, stripe: Stripe, now: Date, limit = 50): Promise<string[]> {
  const canceled: string[] = [];
  for (const { cardId, accountId } of await dueCardSchedules(db, { now, limit })) {
    if (!accountId) continue;
    const opts = { stripeAccount: accountId };
    try {
      let card = await stripe.issuing.cards.retrieve(cardId, {}, opts);
      if (card.status !== "canceled") {
        card = await stripe.issuing.cards.update(cardId, { status: "canceled" }, opts);
        canceled.push(cardId);
      }
      await applyCard(db, accountId, card, new Date());
      await markCardScheduleDone(db, { cardId, at: now });
    } catch (err) {
      // Left due: the next run tries again.
      console.error(`card schedule: could not cancel ${cardId}`, err instanceof Error ? err.message : err);
    }
  }
  return canceled;
}
