import "server-only";
import { z } from "zod";
import { businessSpec } from "@/lib/actions/execute";
import { fail, ok } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { createCardKey } from "@/lib/cards/card-key";
import { accountSessionComponents } from "./components";

export const connectActions = {
  /** An Account Session for the signed-in user's business only, with components chosen by role. */
  createAccountSession: businessSpec({
    permission: "business.view",
    schema: z.object({}).strict(),
    run: async ({ actor, business }) => {
      if (!business.stripeAccountId) return fail("not_found", undefined, "Finish setting up your business first.");
      try {
        const session = await getStripe().accountSessions.create({
          account: business.stripeAccountId,
          components: accountSessionComponents(actor.role, business.fundingModel),
        });
        return ok({ clientSecret: session.client_secret });
      } catch (err) {
        console.error("account session failed", err);
        return fail("stripe_unavailable");
      }
    },
  }),

  /**
   * Lets the embedded card view or Issuing Elements reveal one card's number and PIN: only for the
   * business's own cards, after a recent proof of identity; audited.
   */
  createIssuingEphemeralKey: businessSpec({
    permission: "cards.manage",
    stepUp: true,
    schema: z.object({ issuingCard: z.string().regex(/^ic_[A-Za-z0-9_]+$/), nonce: z.string().min(1).max(200) }),
    run: async ({ business, input }) =>
      business.stripeAccountId
        ? createCardKey(business.stripeAccountId, input.issuingCard, input.nonce)
        : fail("not_found"),
    audit: (input) => ({ action: "card.details_revealed", target: input.issuingCard }),
  }),
};
