import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { recentAuthorizations } from "@/db/queries/authorizations";
import { recentInboundTransfers } from "@/db/queries/inbound-transfers";
import { MERCHANT_CATEGORIES } from "@/lib/rules/merchant-categories";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { listCards } from "@/db/queries/cards";
import { stripeMode } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { cardCurrencyFor } from "@/lib/funding-model";
import { readIssuingBalance } from "@/lib/issuing-balance/balance";
import { getStripe } from "@/lib/stripe/client";
import { AuthorizationButtons, CompleteInboundButton, SettleTopupButtons } from "./authorization-actions";
import { PurchaseForm, ReceiveMoneyForm } from "./purchase-form";

export const metadata: Metadata = { title: "Sandbox tools" };

export default async function SandboxToolsPage() {
  if (stripeMode() !== "sandbox") notFound();
  const ctx = await requireBusinessPage("cards.manage");
  if (!ctx) redirect("/onboarding");
  const accountId = ctx.business.stripeAccountId;
  if (!accountId) redirect("/dashboard");
  const db = getDb();
  const issuingBalance = ctx.business.fundingModel === "issuing_balance" && can(ctx.role, "money.move");
  const [cards, recent, inbound, balance] = await Promise.all([
    listCards(db, { accountId }),
    recentAuthorizations(db, { accountId, limit: 10 }),
    recentInboundTransfers(db, { businessId: ctx.business.id }),
    issuingBalance ? readIssuingBalance(getStripe(), ctx.business).catch(() => null) : null,
  ]);
  const pendingTopups = balance?.moves.filter((m) => m.kind === "topup" && m.status === "pending") ?? [];
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Sandbox tools</h1>
        <p className="text-sm text-slate-600">
          Simulate what happens in the real world: purchases at merchants, captures, and money arriving. Only in sandbox
          mode.
        </p>
      </div>
      <Panel title="Simulate a card purchase">
        <div className="mt-4">
          <PurchaseForm
            cards={cards.map(({ card, holder }) => ({
              value: card.id,
              label: `${card.brand ?? "Card"} •••• ${card.last4} — ${holder ?? ""} (${card.status})`,
            }))}
            categories={MERCHANT_CATEGORIES.map((c) => ({ value: c.category, label: `${c.name} (${c.mcc})` }))}
            currency={cardCurrencyFor(ctx.business.country)}
            country={ctx.business.country}
          />
        </div>
      </Panel>
      <Panel title="Recent purchases">
        {recent.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">None yet. Simulate one above.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="recent-purchases">
            {recent.map((a) => (
              <li
                key={a.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2"
                data-authorization={a.id}
              >
                <span>
                  {a.merchantName} · {formatMoney(a.amount || a.merchantAmount, a.currency)} ·{" "}
                  <span data-testid="purchase-status">{a.approved ? a.status : "declined"}</span>
                </span>
                {a.approved && a.status === "pending" ? <AuthorizationButtons id={a.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      {issuingBalance ? (
        <Panel title="Top-ups from the bank">
          {pendingTopups.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">
              No top-up is waiting for the bank. Top up on the Balance page.
            </p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="pending-topups">
              {pendingTopups.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>Top-up · {formatMoney(t.amount, t.currency)}</span>
                  <SettleTopupButtons id={t.id} />
                </li>
              ))}
            </ul>
          )}
        </Panel>
      ) : null}
      {ctx.business.fundingModel === "treasury" && can(ctx.role, "money.move") ? (
        <Panel title="Receive money into your financial account">
          <div className="mt-4">
            <ReceiveMoneyForm />
          </div>
          {inbound.some((o) => o.stripeObjectId) ? (
            <ul className="mt-4 divide-y divide-slate-100 text-sm" data-testid="inbound-transfers">
              {inbound
                .filter((o) => o.stripeObjectId)
                .map((o) => (
                  <li key={o.id} className="flex items-center justify-between py-2">
                    <span>Bank transfer in · {formatMoney(o.amount ?? 0, o.currency ?? "usd")}</span>
                    <CompleteInboundButton id={o.stripeObjectId!} />
                  </li>
                ))}
            </ul>
          ) : null}
        </Panel>
      ) : null}
    </section>
  );
}
