import "server-only";
import { getDb } from "@/db";
import { businessSpec } from "@/lib/actions/execute";
import { issuingNow } from "@/lib/cards/schedules";
import { getStripe } from "@/lib/stripe/client";
import {
  approveCardRequest,
  cancelCardRequest,
  approveSchema,
  createCardRequest,
  declineCardRequest,
  decideSchema,
  declineSchema,
  requestSchema,
} from "./requests";

/** Asking for a card or a higher limit and withdrawing the ask (members, cardholders), and deciding (owners, admins). */
export const cardRequestActions = {
  create: businessSpec({
    permission: "cards.request",
    schema: requestSchema,
    run: async ({ actor, business, input }) => {
      const made = await createCardRequest(
        getDb(),
        { business, userId: actor.userId, cardholderId: actor.cardholderId },
        input,
      );
      return made.ok ? { ok: true, data: { id: made.data.id } } : made;
    },
    audit: (input, data) => ({
      action: "card_request.created",
      target: data.id,
      data: { kind: input.kind, ...(input.kind === "new_card" ? { cardType: input.cardType } : {}) },
    }),
    revalidate: () => ["/requests", "/my-cards"],
    echo: [
      "kind",
      "purpose",
      "amount",
      "interval",
      "cardholder",
      "card",
      "cardType",
      "name",
      "line1",
      "line2",
      "city",
      "state",
      "postalCode",
      "country",
      "service",
    ],
  }),
  approve: businessSpec({
    permission: "cards.manage",
    schema: approveSchema,
    run: async ({ actor, business, input }) =>
      approveCardRequest(getDb(), getStripe(), { business, userId: actor.userId }, input, await issuingNow()),
    audit: (_input, data) => ({ action: "card_request.approved", target: data.id, data: { card: data.cardId } }),
    revalidate: (_input, data) => ["/requests", "/cards", `/cards/${data.cardId}`],
  }),
  decline: businessSpec({
    permission: "cards.manage",
    schema: declineSchema,
    run: ({ actor, business, input }) => declineCardRequest(getDb(), { business, userId: actor.userId }, input),
    audit: (input, data) => ({ action: "card_request.declined", target: data.id, data: { reason: input.reason } }),
    revalidate: () => ["/requests"],
    echo: ["reason"],
  }),
  cancel: businessSpec({
    permission: "cards.request",
    schema: decideSchema,
    run: ({ actor, business, input }) => cancelCardRequest(getDb(), { business, userId: actor.userId }, input),
    audit: (_input, data) => ({ action: "card_request.canceled", target: data.id }),
    revalidate: () => ["/requests", "/my-cards"],
  }),
};
