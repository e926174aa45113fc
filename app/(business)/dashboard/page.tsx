import type { Metadata } from "next";
import { requireBusinessPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Home" };

const FUNDING_LABEL = {
  treasury: "Financial account (US Treasury)",
  stablecoin: "USDC wallet",
  issuing_balance: "Issuing balance",
} as const;

export default async function DashboardPage() {
  const ctx = await requireBusinessPage("business.view");
  if (!ctx) {
    return (
      <section className="mx-auto max-w-lg rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
        <h1 className="text-xl font-semibold">You&apos;re not part of a business yet</h1>
        <p className="mt-2 text-slate-600">
          Ask an owner of your business to invite you with this email address. Once you accept, your business appears here.
        </p>
      </section>
    );
  }
  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">Welcome back</p>
        <h1 className="text-2xl font-semibold" data-testid="business-name">
          {ctx.business.legalName}
        </h1>
      </div>
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
