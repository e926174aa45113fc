import "server-only";
import { getDb } from "@/db";
import type { Business } from "@/db/schema";
import { ensureFinancialAccount, onboardingState, type OnboardingState } from "@/lib/businesses/provision";
import { getStripe } from "@/lib/stripe/client";
import { readBalances, type Balances } from "./home";

export type LiveStatus = { state: OnboardingState; balances: Balances | null };

/** Where onboarding stands and the balances, read from Stripe (freshness matters); null when Stripe can't be reached. */
export async function liveStatus(business: Business): Promise<LiveStatus | null> {
  try {
    const stripe = getStripe();
    const state = await onboardingState(stripe, business);
    await ensureFinancialAccount(getDb(), stripe, business, state);
    return { state, balances: await readBalances(stripe, business) };
  } catch (err) {
    console.error("dashboard: Stripe unavailable", err);
    return null;
  }
}
