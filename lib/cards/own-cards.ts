import "server-only";
import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { lastAuditOn } from "@/db/queries/audit-log";
import type { Business } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { applyCard } from "@/lib/events/read-models";
import { stripeFailure } from "@/lib/stripe/errors";

/** Audit actions of a cardholder's own freeze and unfreeze (the unfreeze rule reads them back). */
export const OWN_FROZEN = "card.frozen_by_cardholder";
export const OWN_UNFROZEN = "card.unfrozen_by_cardholder";

export const ownCardSchema = z.object({
  card: z.string({ error: "Choose a card" }).regex(/^ic_[A-Za-z0-9_]{1,64}$/, { error: "Choose a card" }),
});
export type OwnCardInput = z.output<typeof ownCardSchema>;
export type StatusChanged = { cardId: string; status: "active" | "inactive" };

/** A cardholder member: their business and the Issuing cardholder their membership names. */
export type Holder = { business: Business; userId: string; cardholderId: string | null | undefined };

const NOT_FOUND = fail("not_found", undefined, "That card wasn't found.");

/** The card, only if it is this cardholder's, on this business's account (anything else looks missing). */
export async function ownCard(stripe: Stripe, holder: Holder, cardId: string): Promise<Stripe.Issuing.Card | null> {
  const accountId = holder.business.stripeAccountId;
  if (!accountId || !holder.cardholderId) return null;
  try {
    const card = await stripe.issuing.cards.retrieve(cardId, {}, { stripeAccount: accountId });
    return card.cardholder.id === holder.cardholderId ? card : null;
  } catch {
    return null;
  }
}

/**
 * Whether this cardholder may unfreeze the card: only when the newest freeze or unfreeze we recorded
 * for it is their own freeze. A card an owner or admin froze (on the card page or in the card list)
 * stays frozen until they unfreeze it.
 */
export async function mayUnfreeze(
  db: DbOrTx,
  holder: { businessId: string; userId: string },
  cardId: string,
): Promise<boolean> {
  const last = await lastAuditOn(db, {
    businessId: holder.businessId,
    target: cardId,
    actions: [OWN_FROZEN, OWN_UNFROZEN],
  });
  return last?.action === OWN_FROZEN && last.actorUserId === holder.userId;
}

async function setStatus(
  db: DbOrTx,
  stripe: Stripe,
  holder: Holder,
  card: Stripe.Issuing.Card,
  status: "active" | "inactive",
): Promise<ActionResult<StatusChanged>> {
  const accountId = holder.business.stripeAccountId!;
  try {
    const updated = await stripe.issuing.cards.update(card.id, { status }, { stripeAccount: accountId });
    await applyCard(db, accountId, updated, new Date());
    return ok({ cardId: card.id, status });
  } catch (err) {
    return stripeFailure(err, { field: "_form" }).result;
  }
}

/** Freezes the cardholder's own active card (it declines until unfrozen). */
export async function freezeOwnCard(
  db: DbOrTx,
  stripe: Stripe,
  holder: Holder,
  input: OwnCardInput,
): Promise<ActionResult<StatusChanged>> {
  const card = await ownCard(stripe, holder, input.card);
  if (!card) return NOT_FOUND;
  if (card.status !== "active")
    return fail("validation_failed", {
      _form: `This card is ${card.status === "inactive" ? "already frozen" : card.status}.`,
    });
  return setStatus(db, stripe, holder, card, "inactive");
}

/** Unfreezes the cardholder's own card, if they froze it themselves (see `mayUnfreeze`). */
export async function unfreezeOwnCard(
  db: DbOrTx,
  stripe: Stripe,
  holder: Holder,
  input: OwnCardInput,
): Promise<ActionResult<StatusChanged>> {
  const card = await ownCard(stripe, holder, input.card);
  if (!card) return NOT_FOUND;
  if (card.status !== "inactive") return fail("validation_failed", { _form: `This card is ${card.status}.` });
  if (!(await mayUnfreeze(db, { businessId: holder.business.id, userId: holder.userId }, card.id)))
    return fail(
      "forbidden",
      undefined,
      "Your business froze this card, so only an owner or admin can unfreeze it. Ask them.",
    );
  return setStatus(db, stripe, holder, card, "active");
}
