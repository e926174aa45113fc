import "server-only";
import { getDb } from "@/db";
import { businessSpec } from "@/lib/actions/execute";
import { z } from "zod";
import { fail, fieldErrorsFromIssues, ok } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { activateCard } from "./activation";
import { orderPhysicalCard, orderSchema } from "./physical";
import { issuingNow } from "./schedules";
import { createVirtualCard, virtualCardSchema } from "./virtual";
import { contactSchema, setCardholderContact } from "./cardholder-contact";
import { setTokenStatus, tokenStatusSchema } from "./wallet-tokens";
import { saveBusinessRules } from "@/lib/rules/rules-store";
import { businessRulesFormSchema, rulesFormFields } from "@/lib/rules/rules-form";

const FIELD_OF: Record<string, string> = {
  allowedCountries: "allowedCountries",
  maxAmount: "maxAmount",
  velocityPerHour: "velocityPerHour",
};

export const cardActions = {
  /**
   * The business's own authorization rules; never looser than the platform's (refused if so). Money
   * is in the business's card currency (GBP for a UK business), so the maximum applies to its cards.
   */
  saveRules: businessSpec({
    permission: "rules.manage",
    schema: rulesFormFields,
    run: async ({ actor, business, input }) => {
      const parsed = businessRulesFormSchema(business).safeParse(input);
      if (!parsed.success) return fail("validation_failed", fieldErrorsFromIssues(parsed.error.issues));
      const rules = parsed.data;
      const saved = await saveBusinessRules(getDb(), actor.businessId, rules, actor.userId);
      if (!saved.ok) {
        const fields: Record<string, string> = {};
        for (const problem of saved.problems) {
          const [key, message] = problem.split(": ");
          fields[FIELD_OF[key ?? ""] ?? "_form"] = `Not allowed: ${message}`;
        }
        return fail("validation_failed", fields);
      }
      return ok({ saved: true, rules });
    },
    audit: (_input, data) => ({ action: "rules.updated", data: data.rules }),
    revalidate: () => ["/cards"],
  }),

  /** A physical card, created inactive, shipped to the address given; activated once delivered. */
  orderPhysical: businessSpec({
    permission: "cards.manage",
    schema: orderSchema,
    run: ({ actor, business, input }) => orderPhysicalCard(getDb(), getStripe(), business, actor.userId, input),
    audit: (input, data) => ({
      action: "card.physical_ordered",
      target: data.id,
      data: { service: input.service, design: input.design, country: input.country },
    }),
    revalidate: (_input, data) => ["/cards", `/cards/${data.id}`],
    echo: ["name", "line1", "line2", "city", "state", "postalCode", "country", "service", "design", "cardholder"],
  }),

  /** A virtual card that may be single-use, n-use, or end on a date. */
  createVirtual: businessSpec({
    permission: "cards.manage",
    schema: virtualCardSchema,
    run: async ({ actor, business, input }) =>
      createVirtualCard(getDb(), getStripe(), business, actor.userId, input, await issuingNow()),
    audit: (_input, data) => ({
      action: "card.created",
      target: data.id,
      data: { uses: data.uses, endsOn: data.endsOn },
    }),
    revalidate: (_input, data) => ["/cards", `/cards/${data.id}`],
    echo: ["cardholder", "uses", "useCount", "endsOn"],
  }),

  activate: businessSpec({
    permission: "cards.manage",
    schema: z.object({ card: z.string().regex(/^ic_[A-Za-z0-9_]{1,64}$/, { error: "That card could not be found" }) }),
    run: async ({ business, input }) => {
      if (!business.stripeAccountId) return fail("not_found");
      return activateCard(getDb(), getStripe(), business.stripeAccountId, input.card);
    },
    audit: ({ card }) => ({ action: "card.activated", target: card }),
    revalidate: ({ card }) => ["/cards", `/cards/${card}`],
  }),

  /** Suspends or resumes one of a card's Apple Pay / Google Pay tokens. */
  setTokenStatus: businessSpec({
    permission: "cards.manage",
    schema: tokenStatusSchema,
    run: async ({ business, input }) => {
      if (!business.stripeAccountId) return fail("not_found");
      return setTokenStatus(getDb(), getStripe(), business.stripeAccountId, input);
    },
    audit: ({ card, token, status }) => ({
      action: status === "active" ? "card.wallet_token_resumed" : "card.wallet_token_suspended",
      target: token,
      data: { card },
    }),
    revalidate: ({ card }) => [`/cards/${card}`],
  }),

  /** Gives a card's cardholder the email or phone a digital wallet needs. */
  setCardholderContact: businessSpec({
    permission: "cards.manage",
    schema: contactSchema,
    run: async ({ business, input }) => {
      if (!business.stripeAccountId) return fail("not_found");
      return setCardholderContact(getDb(), getStripe(), business.stripeAccountId, input);
    },
    audit: ({ card }, data) => ({ action: "cardholder.contact_updated", target: data.cardholder, data: { card } }),
    revalidate: ({ card }) => [`/cards/${card}`, "/cards"],
    echo: ["email", "phone"],
  }),
};
