import { redirect } from "next/navigation";
import { requireBusinessPage } from "@/lib/auth/session";
import { afterOnboarding } from "@/lib/businesses/onboarding-link";

/** Where Stripe's hosted onboarding sends the user back: set up what is now allowed, go home. */
export default async function OnboardingReturnPage() {
  const ctx = await requireBusinessPage("business.view");
  if (!ctx) redirect("/onboarding");
  try {
    await afterOnboarding(ctx.business);
  } catch (err) {
    // The dashboard shows the current state and retries; nothing here must be lost.
    console.error("onboarding return: could not refresh state", err);
  }
  redirect("/dashboard");
}
