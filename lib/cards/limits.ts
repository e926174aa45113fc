import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import type { Business } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { applyCard } from "@/lib/events/read-models";
import { callStripeOnce, claimOperation, recordSuccess } from "@/lib/operations";

export const LIMIT_CHANGE_KIND = "card_limit_change";
export const LIMIT_INTERVALS = ["per_authorization", "daily", "weekly", "monthly", "yearly", "all_time"] as const;
export type LimitInterval = (typeof LIMIT_INTERVALS)[number];
type Limit = Stripe.Issuing.CardUpdateParams.SpendingControls.SpendingLimit;

/** The card's limits with the all-categories limit of `interval` set to `amount` (the others kept). */
export function withLimit(
  current: Stripe.Issuing.Card.SpendingControls.SpendingLimit[] | null | undefined,
  amount: number,
  interval: LimitInterval,
): Limit[] {
  const kept = (current ?? [])
    .filter((l) => !(l.interval === interval && !(l.categories?.length ?? 0)))
    .map((l) => ({
      amount: l.amount,
      interval: l.interval,
      ...(l.categories?.length ? { categories: l.categories } : {}),
    }));
  return [...kept, { amount, interval }] as Limit[];
}

/**
 * Sets one spending limit on a card, once per `clientToken` (an operation row, its id the
 * idempotency key): a repeat of the same request changes nothing more.
 */
export async function setSpendingLimit(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  userId: string,
  input: { clientToken: string; card: string; amount: number; interval: LimitInterval },
): Promise<ActionResult<{ id: string; last4: string }>> {
  const accountId = business.stripeAccountId;
  if (!accountId) return fail("not_found");
  const claim = await claimOperation(db, {
    kind: LIMIT_CHANGE_KIND,
    clientToken: input.clientToken,
    businessId: business.id,
    createdBy: userId,
    amount: input.amount,
    request: { card: input.card, interval: input.interval },
  });
  if (!claim.ok) return claim;
  const { op } = claim.data;
  if (op.status === "succeeded" && op.stripeObjectId)
    return ok({ id: op.stripeObjectId, last4: String(op.result?.last4 ?? "") });
  const sent = await callStripeOnce(
    db,
    op,
    async (idempotencyKey) => {
      const o = { stripeAccount: accountId };
      const card = await stripe.issuing.cards.retrieve(input.card, {}, o);
      const spending_limits = withLimit(card.spending_controls.spending_limits, input.amount, input.interval);
      return stripe.issuing.cards.update(
        input.card,
        { spending_controls: { spending_limits } },
        { ...o, idempotencyKey },
      );
    },
    { field: "_form", refused: "Stripe refused the new limit for this card" },
  );
  if (!sent.ok) return sent.result;
  await applyCard(db, accountId, sent.value, new Date());
  await recordSuccess(db, op, { stripeObjectId: sent.value.id, result: { last4: sent.value.last4 } });
  return ok({ id: sent.value.id, last4: sent.value.last4 });
}
