import type Stripe from "stripe";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { DbOrTx } from "@/db/connect";
import { applyCard } from "@/lib/events/read-models";
import { stripeFailure } from "@/lib/stripe/errors";

const SHIPPING_WORDS: Record<string, string> = {
  pending: "it has not been sent to the printer yet",
  submitted: "it is being printed",
  shipped: "it is on its way",
  failure: "its delivery failed",
  returned: "it was returned to sender",
};

/**
 * Why a card can't be activated now, in words (null when it can). A physical card stays inactive
 * until it is delivered, so a card lost in the post can't be spent.
 */
export function activationBlocker(card: Pick<Stripe.Issuing.Card, "status" | "type" | "shipping">): string | null {
  if (card.status === "active") return "This card is already active";
  if (card.status === "canceled") return "This card is canceled and can't be activated";
  const shipping = card.shipping?.status;
  if (card.type === "physical" && shipping !== "delivered")
    return `This card can be activated once it is delivered: ${SHIPPING_WORDS[shipping ?? "pending"] ?? `its shipping status is ${shipping}`}`;
  return null;
}

const HOLDER_LABELS: Record<string, string> = { active: "Active", inactive: "Frozen", canceled: "Canceled" };

/**
 * What a card's holder is told its status is. Stripe reports a physical card that hasn't arrived
 * as `inactive`, the same as a frozen card: the holder is told it hasn't been delivered instead.
 */
export function holderStatus(card: Pick<Stripe.Issuing.Card, "status" | "type" | "shipping">): {
  status: Stripe.Issuing.Card.Status | "undelivered";
  label: string;
} {
  if (card.status === "inactive" && card.type === "physical" && card.shipping?.status !== "delivered")
    return { status: "undelivered", label: "Not delivered yet" };
  return { status: card.status, label: HOLDER_LABELS[card.status] ?? card.status };
}

/** Activates a delivered physical card (or an inactive virtual one) of the business's account. */
export async function activateCard(
  db: DbOrTx,
  stripe: Stripe,
  accountId: string,
  cardId: string,
): Promise<ActionResult<{ card: string; status: string }>> {
  let card: Stripe.Issuing.Card;
  try {
    card = await stripe.issuing.cards.retrieve(cardId, {}, { stripeAccount: accountId });
  } catch {
    return fail("not_found", undefined, "That card could not be found");
  }
  const blocker = activationBlocker(card);
  if (blocker) return fail("validation_failed", { _form: blocker });
  try {
    const updated = await stripe.issuing.cards.update(card.id, { status: "active" }, { stripeAccount: accountId });
    await applyCard(db, accountId, updated, new Date());
    return ok({ card: updated.id, status: updated.status });
  } catch (err) {
    return stripeFailure(err, { field: "_form", refused: "Stripe refused to activate this card" }).result;
  }
}
