import "server-only";
import { getDb } from "@/db";
import { businessSpec } from "@/lib/actions/execute";
import { getStripe } from "@/lib/stripe/client";
import { freezeOwnCard, OWN_FROZEN, OWN_UNFROZEN, ownCardSchema, unfreezeOwnCard } from "./own-cards";

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
};
