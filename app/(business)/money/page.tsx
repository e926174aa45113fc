import type { Metadata } from "next";
import Link from "next/link";
import { BusinessConnect } from "@/components/connect/business-connect";
import { FinancialAccountPanel, TransactionsPanel } from "@/components/connect/embedded";
import { requireBusinessPage } from "@/lib/auth/session";
import { publishableKey } from "@/lib/config";
import { redirect } from "next/navigation";

export const metadata: Metadata = { title: "Money" };

export default async function MoneyPage() {
  const ctx = await requireBusinessPage("money.view");
  if (!ctx) redirect("/onboarding");
  if (ctx.business.fundingModel !== "treasury") redirect("/dashboard");
  const fa = ctx.business.financialAccountId;
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Money</h1>
      {fa ? (
        <BusinessConnect publishableKey={publishableKey()} sessionKey={`${ctx.user.id}:${ctx.business.id}`}>
          <div className="space-y-6" data-testid="money-components">
            <FinancialAccountPanel financialAccount={fa} />
            <TransactionsPanel financialAccount={fa} />
          </div>
        </BusinessConnect>
      ) : (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">Your financial account isn&apos;t open yet</h2>
          <p className="mt-2 text-slate-600">It opens as soon as Stripe has verified your business.</p>
          <Link href="/dashboard" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
            See what&apos;s still needed
          </Link>
        </div>
      )}
    </section>
  );
}
