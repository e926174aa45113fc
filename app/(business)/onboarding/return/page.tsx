import { redirect } from "next/navigation";
import { requireBusinessPage } from "@/lib/auth/session";

/**
 * Where Stripe's hosted onboarding sends the user back. Nothing is written here: what onboarding
 * allows (the financial account) is set up when the account's events report its activation.
 */
export default async function OnboardingReturnPage() {
  const ctx = await requireBusinessPage("business.view");
  if (!ctx) redirect("/onboarding");
  redirect("/dashboard");
}
