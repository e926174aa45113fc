import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { businessSpec } from "@/lib/actions/execute";
import { getStripe } from "@/lib/stripe/client";
import { replaceCard, replaceSchema } from "./replace";

/** A cardholder reports only a loss or a theft; damage and expiry are the business's call. */
const reportSchema = replaceSchema.extend({
  reason: z.enum(["lost", "stolen"], { error: "Choose lost or stolen" }),
});

/** Replacing a card, from both sides: the business's card page and the cardholder's own cards. */
export const replaceActions = {
  /** An owner or admin replaces any card of the business (lost, stolen, damaged, expiring). */
  replace: businessSpec({
    permission: "cards.manage",
    schema: replaceSchema,
    run: ({ actor, business, input }) => replaceCard(getDb(), getStripe(), { business, userId: actor.userId }, input),
    audit: (_input, data) => ({
      action: "card.replaced",
      target: data.newCardId,
      data: { replacementFor: data.oldCardId, reason: data.reason, replayed: data.replayed ?? false },
    }),
    revalidate: (_input, data) => ["/cards", `/cards/${data.oldCardId}`, `/cards/${data.newCardId}`],
  }),

  /** A cardholder reports their own card lost or stolen: it is canceled and replaced at once. */
  report: businessSpec({
    permission: "cards.own",
    schema: reportSchema,
    run: ({ actor, business, input }) =>
      replaceCard(
        getDb(),
        getStripe(),
        { business, userId: actor.userId, onlyCardholder: actor.cardholderId ?? null },
        input,
      ),
    audit: (_input, data) => ({
      action: "card.replaced",
      target: data.newCardId,
      data: { replacementFor: data.oldCardId, reason: data.reason, by: "cardholder", replayed: data.replayed ?? false },
    }),
    revalidate: () => ["/my-cards"],
  }),
};
