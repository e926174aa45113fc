import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { BusinessConnect } from "@/components/connect/business-connect";
import { CardsListPanel } from "@/components/connect/embedded";
import { MERCHANT_CATEGORIES, merchantCategory } from "@/lib/rules/merchant-categories";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { listCards } from "@/db/queries/cards";
import { publishableKey } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { loadRules } from "@/lib/rules/rules-store";
import { rulesFormValues } from "@/lib/rules/rules-form-values";
import { cardCurrencyFor } from "@/lib/funding-model";
import type { RuleSet } from "@/lib/rules/engine";
import { RulesForm } from "./rules-form";
import { NewCardPanels } from "./new-card-panels";
import { createAccountSession, createIssuingEphemeralKey } from "../connect-actions";

export const metadata: Metadata = { title: "Cards" };

/** The platform's rules as they bear on this business's cards (a maximum in another currency does not). */
function summary(r: RuleSet, cardCurrency: string): string[] {
  return [
    ...(r.killSwitch ? ["all card spending is paused"] : []),
    ...(r.blockedCategories.length
      ? [`blocks ${r.blockedCategories.map((c) => merchantCategory(c)?.name ?? c).join(", ")}`]
      : []),
    ...(r.allowedCountries ? [`only ${r.allowedCountries.join(", ")}`] : []),
    ...(r.maxAmount !== null && r.currency.toLowerCase() === cardCurrency
      ? [`at most ${formatMoney(r.maxAmount, r.currency)} per purchase`]
      : []),
    ...(r.velocityPerHour !== null ? [`at most ${r.velocityPerHour} approvals per card per hour`] : []),
  ];
}

export default async function CardsPage() {
  const ctx = await requireBusinessPage("cards.view");
  if (!ctx) redirect("/onboarding");
  const accountId = ctx.business.stripeAccountId;
  if (!accountId) {
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-semibold">Cards</h1>
        <p className="text-slate-600">Finish setting up your business to issue cards.</p>
      </section>
    );
  }
  const db = getDb();
  const [rows, rules] = await Promise.all([listCards(db, { accountId }), loadRules(db, accountId)]);
  const mine = rules.business;
  return (
    <section className="space-y-8">
      <h1 className="text-2xl font-semibold">Cards</h1>
      <BusinessConnect
        publishableKey={publishableKey()}
        sessionKey={`${ctx.user.id}:${ctx.business.id}`}
        createAccountSession={createAccountSession}
      >
        <div data-testid="cards-components">
          <CardsListPanel createEphemeralKey={createIssuingEphemeralKey} />
        </div>
      </BusinessConnect>
      <Panel title="Card activity and limits">
        {rows.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">
            No cards yet. Create one above; it appears here with its purchases and limits.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100" data-testid="card-links">
            {rows.map(({ card, holder }) => (
              <li key={card.id} className="flex items-center justify-between py-2 text-sm">
                <Link href={`/cards/${card.id}`} className="font-medium text-brand-700 hover:underline">
                  {card.brand ?? "Card"} •••• {card.last4}
                </Link>
                <span className="text-slate-500">
                  {holder ?? "—"} · {card.type} · {card.status}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {can(ctx.role, "cards.manage") ? <NewCardPanels business={ctx.business} accountId={accountId} /> : null}
      <section className="rounded-xl border border-slate-200 bg-white p-5">
        <RulesForm
          canEdit={can(ctx.role, "rules.manage")}
          categories={[...MERCHANT_CATEGORIES]}
          platformSummary={summary(rules.platform, cardCurrencyFor(ctx.business.country))}
          initial={rulesFormValues(mine)}
          currency={cardCurrencyFor(ctx.business.country)}
        />
      </section>
    </section>
  );
}
