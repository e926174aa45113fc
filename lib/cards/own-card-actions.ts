import "server-only";
import { getDb } from "@/db";
import { businessSpec } from "@/lib/actions/execute";
import { getStripe } from "@/lib/stripe/client";
import { z } from "zod";
import { fail } from "@/lib/errors";
import { createCardKey } from "./card-key";
import { freezeOwnCard, OWN_FROZEN, OWN_UNFROZEN, ownCard, ownCardSchema, unfreezeOwnCard } from "./own-cards";

/** What a cardholder does with their own cards (the cardholder comes from their membership, never the form). */
export const ownCardActions = {
  freeze: businessSpec({
    permission: "cards.own",
    schema: ownCardSchema,
    run: ({ actor, business, input }) =>
      freezeOwnCard(getDb(), getStripe(), { business, userId: actor.userId, cardholderId: actor.cardholderId }, input),
    audit: (_input, data) => ({ action: OWN_FROZEN, target: data.cardId }),
    revalidate: () => ["/my-cards"],
  }),
  unfreeze: businessSpec({
    permission: "cards.own",
    schema: ownCardSchema,
    run: ({ actor, business, input }) =>
      unfreezeOwnCard(
        getDb(),
        getStripe(),
        { business, userId: actor.userId, cardholderId: actor.cardholderId },
        input,
      ),
    audit: (_input, data) => ({ action: OWN_UNFROZEN, target: data.cardId }),
    revalidate: () => ["/my-cards"],
  }),
  /** Shows the cardholder's own card number and PIN (Issuing Elements), after a recent proof of identity; audited. */
  revealKey: businessSpec({
    permission: "cards.own",
    stepUp: true,
    schema: z.object({ issuingCard: ownCardSchema.shape.card, nonce: z.string().min(1).max(200) }),
    run: async ({ actor, business, input }) => {
      const holder = { business, userId: actor.userId, cardholderId: actor.cardholderId };
      const card = await ownCard(getStripe(), holder, input.issuingCard);
      if (!card || card.status === "canceled") return fail("not_found", undefined, "That card wasn't found.");
      return createCardKey(business.stripeAccountId!, card.id, input.nonce);
    },
    audit: (input) => ({ action: "card.details_revealed", target: input.issuingCard }),
  }),
};
