import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { ActivityList } from "@/components/dashboard/activity-list";
import { LiveMoneyUpdates } from "@/components/live-money-updates";
import { BalanceCards } from "@/components/dashboard/balances";
import { MoneyFlowChart } from "@/components/dashboard/money-flow-chart";
import { OnboardingStatus } from "@/components/onboarding-status";
import { continueOnboardingAction } from "../onboarding/actions";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { attentionCounts, moneyFlow, recentActivity } from "@/lib/dashboard/home";
import { liveStatus } from "@/lib/dashboard/live";
import { moneyVersion } from "@/lib/live-updates/version";
import { balanceCurrencyFor } from "@/lib/funding-model";

export const metadata: Metadata = { title: "Home" };

const MODEL_LABEL = {
  treasury: "Financial account (US Treasury)",
  stablecoin: "USDC wallet",
  issuing_balance: "Issuing balance",
} as const;

export default async function DashboardPage() {
  const ctx = await requireBusinessPage("business.view");
  if (!ctx) redirect("/onboarding");
  const { business } = ctx;
  const db = getDb();
  const accountId = business.stripeAccountId;
  // Read first: money that moves while the page reads is then a change the poller sees.
  const version = can(ctx.role, "money.view") ? await moneyVersion(db, business) : null;
  const [live, flow, activity, attention] = await Promise.all([
    liveStatus(business),
    accountId
      ? moneyFlow(db, accountId, { cardLines: business.fundingModel === "issuing_balance" })
      : Promise.resolve([]),
    accountId ? recentActivity(db, accountId) : Promise.resolve([]),
    accountId ? attentionCounts(db, accountId) : Promise.resolve({ declinedLast7Days: 0, disputesAwaitingEvidence: 0 }),
  ]);
  const currency = balanceCurrencyFor(business.country);
  const attentionItems = [
    ...(live && live.state.due.length
      ? [{ text: `${live.state.due.length} verification item(s) due`, href: "/dashboard#onboarding-status-title" }]
      : []),
    ...(attention.declinedLast7Days
      ? [{ text: `${attention.declinedLast7Days} declined card purchase(s) this week`, href: "/cards" }]
      : []),
    ...(attention.disputesAwaitingEvidence
      ? [{ text: `${attention.disputesAwaitingEvidence} dispute(s) awaiting evidence`, href: "/cards" }]
      : []),
  ];
  return (
    <section className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">Welcome back</p>
        <h1 className="text-2xl font-semibold" data-testid="business-name">
          {business.legalName}
        </h1>
        <p className="text-sm text-slate-500">
          <span data-testid="business-role" className="capitalize">
            {ctx.role}
          </span>{" "}
          · {business.country} · {MODEL_LABEL[business.fundingModel]}
        </p>
        {version !== null && accountId ? <LiveMoneyUpdates version={version} /> : null}
      </div>
      {live ? (
        <OnboardingStatus
          state={live.state}
          canManage={can(ctx.role, "business.manage")}
          continueOnboarding={continueOnboardingAction}
        />
      ) : (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Stripe could not be reached, so balances and account status may be out of date. Refresh in a moment.
        </p>
      )}
      {attentionItems.length ? (
        <section aria-labelledby="attention-title" className="rounded-xl border border-amber-200 bg-amber-50 p-4">
          <h2 id="attention-title" className="text-sm font-semibold text-amber-900">
            Needs your attention
          </h2>
          <ul className="mt-2 space-y-1 text-sm" data-testid="attention">
            {attentionItems.map((i) => (
              <li key={i.text}>
                <Link href={i.href} className="text-amber-900 underline-offset-2 hover:underline">
                  {i.text}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {live?.balances ? <BalanceCards balances={live.balances} /> : null}
      {accountId ? (
        <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
          <MoneyFlowChart flow={flow} currency={currency} />
          <ActivityList items={activity} />
        </div>
      ) : null}
    </section>
  );
}
