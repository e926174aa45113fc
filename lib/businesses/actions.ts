import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { businessSpec, userSpec } from "@/lib/actions/execute";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { stripeFailure } from "@/lib/stripe/errors";
import { onboardingUrl } from "./onboarding-link";
import { createBusiness } from "./provision";
import { newBusinessSchema } from "./schemas";

/** Stripe's hosted onboarding for the business; its account is created first if an earlier attempt failed. */
async function onboardingLink(business: Parameters<typeof onboardingUrl>[0]): Promise<ActionResult<{ url: string }>> {
  try {
    return ok({ url: await onboardingUrl(business) });
  } catch (err) {
    return stripeFailure(err, {
      unavailable: "Your business is saved, but Stripe could not be reached to continue. Try again in a moment.",
      refused: "Your business is saved, but Stripe refused to continue its onboarding. Contact support.",
    }).result;
  }
}

export const businessActions = {
  /** Creates the signed-in user's business, its connected account, and sends them to onboarding. */
  create: userSpec({
    schema: newBusinessSchema,
    run: async ({ user, memberships, input }) => {
      if (user.platformRole) return fail("forbidden");
      if (memberships.length > 0) return fail("validation_failed", undefined, "You already belong to a business.");
      const business = await createBusiness(getDb(), { userId: user.id, email: user.email }, input);
      return onboardingLink(business);
    },
    redirectTo: (_input, data) => data.url,
    echo: ["legalName", "country", "businessType"],
  }),

  /** Resumes onboarding with a fresh link. */
  continueOnboarding: businessSpec({
    permission: "business.manage",
    schema: z.unknown(),
    run: ({ business }) => onboardingLink(business),
    redirectTo: (_input, data) => data.url,
  }),
};
