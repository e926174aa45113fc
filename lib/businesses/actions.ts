import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { businessSpec, userSpec } from "@/lib/actions/execute";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { onboardingUrl } from "./onboarding-link";
import { createBusiness } from "./provision";
import { newBusinessSchema } from "./schemas";

function stripeFailure(err: unknown): ActionResult<never> {
  console.error("onboarding: Stripe call failed", err);
  return fail(
    "stripe_unavailable",
    undefined,
    "Your business is saved, but Stripe could not be reached to continue. Try again in a moment.",
  );
}

/** Stripe's hosted onboarding for the business; its account is created first if an earlier attempt failed. */
async function onboardingLink(business: Parameters<typeof onboardingUrl>[0]): Promise<ActionResult<{ url: string }>> {
  try {
    return ok({ url: await onboardingUrl(business) });
  } catch (err) {
    return stripeFailure(err);
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
