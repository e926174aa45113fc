import "server-only";
import type Stripe from "stripe";
import type { Business } from "@/db/schema";
import { onboardingState, type OnboardingState } from "@/lib/businesses/provision";
import { getStripe } from "@/lib/stripe/client";
import { readBalances, type Balances } from "./home";

export type LiveStatus = { state: OnboardingState; balances: Balances | null };

/**
 * Where onboarding stands and the balances, read from Stripe (freshness matters); null when Stripe
 * can't be reached. Reads only: the financial account is created from the account's events.
 */
export async function liveStatus(business: Business, stripe: Stripe = getStripe()): Promise<LiveStatus | null> {
  try {
    const state = await onboardingState(stripe, business);
    return { state, balances: await readBalances(stripe, business) };
  } catch (err) {
    console.error("dashboard: Stripe unavailable", err);
    return null;
  }
}
