import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { requireBusinessPage } from "@/lib/auth/session";
import { ensureFinancialAccount, onboardingState } from "@/lib/businesses/provision";
import { getStripe } from "@/lib/stripe/client";

/** Where Stripe's hosted onboarding sends the user back: set up what is now allowed, go home. */
export default async function OnboardingReturnPage() {
  const ctx = await requireBusinessPage("business.view");
  if (!ctx) redirect("/onboarding");
  try {
    const stripe = getStripe();
    const state = await onboardingState(stripe, ctx.business);
    await ensureFinancialAccount(getDb(), stripe, ctx.business, state);
  } catch (err) {
    // The dashboard shows the current state and retries; nothing here must be lost.
    console.error("onboarding return: could not refresh state", err);
  }
  redirect("/dashboard");
}
