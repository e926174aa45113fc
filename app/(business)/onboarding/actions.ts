"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { asFormData } from "@/lib/actions/form-input";
import { createBusiness } from "@/lib/businesses/provision";
import { onboardingUrl } from "@/lib/businesses/onboarding-link";
import { newBusinessSchema } from "@/lib/businesses/schemas";
import { can } from "@/lib/auth/permissions";
import { getViewer, resolveBusinessContext } from "@/lib/auth/session";
import { fail, fieldErrorsFromIssues, type ActionError } from "@/lib/errors";

export type OnboardingFormState = { error?: ActionError; values?: Record<string, string> };

function stripeFailure(err: unknown): OnboardingFormState {
  console.error("onboarding: Stripe call failed", err);
  return {
    error: fail(
      "stripe_unavailable",
      undefined,
      "Your business is saved, but Stripe could not be reached to continue. Try again in a moment.",
    ).error,
  };
}

/** Creates the signed-in user's business, its connected account, and sends them to onboarding. */
export async function createBusinessAction(_prev: OnboardingFormState, input: FormData): Promise<OnboardingFormState> {
  const form = asFormData(input);
  const viewer = await getViewer();
  if (!viewer || viewer.user.platformRole) return { error: fail("forbidden").error };
  const values = Object.fromEntries(
    ["legalName", "country", "businessType"].map((k) => [k, String(form.get(k) ?? "")]),
  );
  if (viewer.memberships.length > 0)
    return { error: fail("validation_failed", undefined, "You already belong to a business.").error, values };
  const parsed = newBusinessSchema.safeParse(values);
  if (!parsed.success)
    return { error: fail("validation_failed", fieldErrorsFromIssues(parsed.error.issues)).error, values };
  const business = await createBusiness(getDb(), { userId: viewer.user.id, email: viewer.user.email }, parsed.data);
  let url: string;
  try {
    url = await onboardingUrl(business);
  } catch (err) {
    return stripeFailure(err);
  }
  redirect(url);
}

/** Resumes onboarding: creates the account if an earlier attempt failed, then a fresh link. */
export async function continueOnboardingAction(): Promise<OnboardingFormState> {
  const viewer = await getViewer();
  const ctx = viewer && !viewer.user.platformRole ? await resolveBusinessContext(viewer) : null;
  if (!ctx) return { error: fail("unauthenticated").error };
  if (!can(ctx.role, "business.manage"))
    return { error: fail("forbidden", undefined, "Only an owner can complete the business's verification.").error };
  let url: string;
  try {
    url = await onboardingUrl(ctx.business);
  } catch (err) {
    return stripeFailure(err);
  }
  redirect(url);
}
