import "server-only";
import { getDb } from "@/db";
import type { Business } from "@/db/schema";
import { appOrigin } from "@/lib/http";
import { accountApi, createOnboardingLink } from "@/lib/stripe/accounts";
import { getStripe } from "@/lib/stripe/client";
import { provisionStripeAccount } from "./provision";

/** The URL of Stripe's hosted onboarding for this business (creating its account first if needed). */
export async function onboardingUrl(business: Business): Promise<string> {
  const stripe = getStripe();
  const accountId = await provisionStripeAccount(getDb(), stripe, business);
  const origin = await appOrigin();
  return createOnboardingLink(stripe, accountId, accountApi(business.fundingModel), {
    returnUrl: `${origin}/onboarding/return`,
    refreshUrl: `${origin}/onboarding/refresh`,
  });
}
