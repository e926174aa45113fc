import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { OnboardingStatus } from "@/components/onboarding-status";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { ensureFinancialAccount, onboardingState, type OnboardingState } from "@/lib/businesses/provision";
import { getStripe } from "@/lib/stripe/client";

export const metadata: Metadata = { title: "Home" };

const FUNDING_LABEL = {
  treasury: "Financial account (US Treasury)",
  stablecoin: "USDC wallet",
  issuing_balance: "Issuing balance",
} as const;

async function currentState(business: Parameters<typeof onboardingState>[1]): Promise<OnboardingState | null> {
  try {
    const stripe = getStripe();
    const state = await onboardingState(stripe, business);
    await ensureFinancialAccount(getDb(), stripe, business, state);
    return state;
  } catch (err) {
    console.error("dashboard: could not read onboarding state", err);
    return null;
  }
}

export default async function DashboardPage() {
  const ctx = await requireBusinessPage("business.view");
  if (!ctx) redirect("/onboarding");
  const state = await currentState(ctx.business);
  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">Welcome back</p>
        <h1 className="text-2xl font-semibold" data-testid="business-name">
          {ctx.business.legalName}
        </h1>
      </div>
      {state ? (
        <OnboardingStatus state={state} canManage={can(ctx.role, "business.manage")} />
      ) : (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Stripe could not be reached, so your account status may be out of date. Refresh in a moment.
        </p>
      )}
      <dl className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase tracking-wide text-slate-500">Your role</dt>
          <dd className="mt-1 font-medium capitalize" data-testid="business-role">
            {ctx.role}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase tracking-wide text-slate-500">Country</dt>
          <dd className="mt-1 font-medium">{ctx.business.country}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase tracking-wide text-slate-500">Funding</dt>
          <dd className="mt-1 font-medium">{FUNDING_LABEL[ctx.business.fundingModel]}</dd>
        </div>
      </dl>
    </section>
  );
}
