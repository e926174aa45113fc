import { getBusiness } from "@/db/queries/businesses";
import { provisionStripeAccount } from "@/lib/businesses/provision";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { accountApi, createOnboardingLink } from "@/lib/stripe/accounts";
import type { AdminDeps } from "./deps";
import { type BusinessIdInput } from "./schemas";
import { stripeFailure } from "@/lib/stripe/errors";

/**
 * A fresh link to Stripe's hosted onboarding for the business, for the admin to copy and send.
 * It returns to the business's own onboarding pages, which work for whoever of its people signs in.
 */
export async function onboardingLinkFor(
  deps: AdminDeps,
  input: BusinessIdInput,
): Promise<ActionResult<{ url: string }>> {
  const business = await getBusiness(deps.db, input);
  if (!business) return fail("not_found");
  try {
    const accountId = await provisionStripeAccount(deps.db, deps.stripe, business);
    const origin = await deps.origin();
    // v2 (MX/AR stablecoin) accounts onboard through v2 Account Links, v1 (US) accounts through v1 ones.
    const url = await createOnboardingLink(deps.stripe, accountId, accountApi(business.fundingModel), {
      returnUrl: `${origin}/onboarding/return`,
      refreshUrl: `${origin}/onboarding/refresh`,
    });
    return ok({ url });
  } catch (err) {
    return stripeFailure(err, { field: "_form" }).result;
  }
}
