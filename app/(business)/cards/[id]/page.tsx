import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireBusinessPage } from "@/lib/auth/session";
import { cardAuthorizations } from "@/lib/cards/authorizations";
import { retrieveBusinessCard } from "@/lib/cards/card";
import { cardFunding } from "@/lib/cards/funding";
import { limitUsage } from "@/lib/cards/spending";
import { formatMoney } from "@/lib/money";
import { currentBalance } from "@/lib/wallet/balance";
import { can } from "@/lib/auth/permissions";
import { PhysicalCardPanel } from "./physical-card-panel";
import { CardLifecycle } from "./card-lifecycle";
import { DeclineReason } from "@/components/cards/decline-reason";
import { FraudWarningBanner } from "@/components/cards/fraud-warning-banner";
import { CardDetailsReveal } from "@/components/cards/card-details-reveal";
import { stripeJsSource } from "@/lib/config";
import { createIssuingEphemeralKey } from "../../connect-actions";
import { ReplacementPanel } from "./replacement-panel";
import { replaceCardAction } from "./replace-actions";
import { ReplaceCardForm, type ReasonOption } from "@/components/cards/replace-card-form";
import { randomUUID } from "node:crypto";
import { CapturesPanel, captureCursor } from "@/components/disputes/captures-panel";
import { openDisputeAction } from "../../disputes/actions";
import { WalletTokens } from "@/components/cards/wallet-tokens";
import { setCardholderContactAction, setWalletTokenStatusAction } from "../actions";

export const metadata: Metadata = { title: "Card" };

// A card Stripe warns about is treated as compromised: canceled as stolen, with a new number.
const FRAUD_REPLACEMENT: ReasonOption[] = [
  { value: "stolen", label: "Compromised", hint: "The card is canceled now and a new card number is issued." },
];

const when = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
});

export default async function CardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ before?: string; purchases?: string }>;
}) {
  const ctx = await requireBusinessPage("cards.view");
  if (!ctx) redirect("/onboarding");
  const { id } = await params;
  const accountId = ctx.business.stripeAccountId;
  if (!accountId || !/^ic_[A-Za-z0-9_]{1,64}$/.test(id)) notFound();
  const card = await retrieveBusinessCard(accountId, id);
  if (!card) notFound();
  const { before, purchases } = await searchParams;
  const beforeDate = before && /^\d+$/.test(before) ? new Date(Number(before)) : undefined;
  const db = getDb();
  const limits = (card.spending_controls.spending_limits ?? []).map((l) => ({
    amount: l.amount,
    interval: l.interval,
    categories: l.categories ?? null,
  }));
  const funding = cardFunding(card, ctx.business);
  // A USDC card spends the wallet: its balance is read now (freshness matters), like the wallet page's.
  const walletBalance =
    funding.kind === "usdc_wallet" && funding.ownWallet ? currentBalance(ctx.business) : Promise.resolve(null);
  const [auths, usage, wallet] = await Promise.all([
    cardAuthorizations(db, accountId, card.id, {
      limit: 25,
      before: beforeDate,
      fraudWarning: card.latest_fraud_warning,
    }),
    limitUsage(db, accountId, card.id, limits),
    walletBalance,
  ]);
  const last = auths[auths.length - 1];
  return (
    <section className="space-y-6">
      <Link href="/cards" className="text-sm text-brand-700 hover:underline">
        ← All cards
      </Link>
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold" data-testid="card-title">
            {card.brand} •••• {card.last4}
          </h1>
          <p className="text-sm text-slate-600" data-testid="card-subtitle">
            {card.cardholder.name} · {card.type} · expires {String(card.exp_month).padStart(2, "0")}/{card.exp_year}
          </p>
        </div>
        <span
          data-testid="card-status"
          className={`rounded-full px-3 py-1 text-sm font-medium ${card.status === "active" ? "bg-emerald-100 text-emerald-800" : "bg-slate-200 text-slate-700"}`}
        >
          {card.status}
        </span>
      </header>
      <FraudWarningBanner
        warning={card.latest_fraud_warning}
        replaceAction={
          can(ctx.role, "cards.manage") && card.status !== "canceled" ? (
            <ReplaceCardForm
              action={replaceCardAction}
              cardId={card.id}
              clientToken={randomUUID()}
              reasons={FRAUD_REPLACEMENT}
              trigger="Cancel and replace"
              title="Cancel this card and replace it"
              testId="fraud-replace"
            />
          ) : undefined
        }
      />
      <CardLifecycle card={card} businessId={ctx.business.id} />
      <PhysicalCardPanel card={card} canManage={can(ctx.role, "cards.manage")} />
      {can(ctx.role, "cards.manage") && card.status !== "canceled" ? (
        <Panel title="Card details">
          <CardDetailsReveal cardId={card.id} source={stripeJsSource()} createKey={createIssuingEphemeralKey} />
        </Panel>
      ) : null}
      <ReplacementPanel accountId={accountId} card={card} canManage={can(ctx.role, "cards.manage")} />
      <WalletTokens
        card={card}
        accountId={accountId}
        setStatus={can(ctx.role, "cards.manage") ? setWalletTokenStatusAction : undefined}
        setContact={can(ctx.role, "cards.manage") ? setCardholderContactAction : undefined}
      />
      <Panel title="Spends from" data-testid="card-funding" data-kind={funding.kind}>
        {funding.kind === "usdc_wallet" ? (
          <p className="mt-2 text-sm">
            {funding.ownWallet ? (
              <Link href="/wallet" className="font-medium text-brand-700 hover:underline">
                USDC wallet
              </Link>
            ) : (
              <span className="font-medium">USDC wallet</span>
            )}{" "}
            <span className="text-slate-500">({funding.financialAccount})</span>
            {wallet ? (
              <span className="block text-slate-600" data-testid="card-wallet-available">
                {formatMoney(wallet.available, "usdc")} available
              </span>
            ) : null}
            <span className="block text-xs text-slate-500">Purchases in USD are paid in USDC from this wallet.</span>
          </p>
        ) : (
          <p className="mt-2 text-sm text-slate-600">
            {funding.kind === "financial_account" ? `Financial account ${funding.financialAccount}` : "Issuing balance"}
          </p>
        )}
      </Panel>
      <Panel title="Spending limits">
        {usage.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">
            No spending limits on this card. Add them from the card in the list.
          </p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="limits">
            {usage.map((u) => {
              const pct = u.windowStart ? Math.min(100, Math.round((u.spent / Math.max(1, u.amount)) * 100)) : 0;
              return (
                <li key={`${u.interval}-${(u.categories ?? []).join(",")}`} className="text-sm">
                  <div className="flex justify-between">
                    <span className="capitalize">
                      {u.interval.replace(/_/g, " ")} {u.categories?.length ? `(${u.categories.join(", ")})` : ""}
                    </span>
                    <span className="tabular-nums">
                      {u.windowStart ? `${formatMoney(u.spent, card.currency)} of ` : "up to "}
                      {formatMoney(u.amount, card.currency)}
                    </span>
                  </div>
                  {u.windowStart ? (
                    <div
                      className="mt-1 h-2 rounded-full bg-slate-100"
                      role="progressbar"
                      aria-valuenow={pct}
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-label={`${u.interval} limit used`}
                    >
                      <div
                        className={`h-2 rounded-full ${pct >= 90 ? "bg-red-500" : "bg-brand-500"}`}
                        style={{ width: `${pct}%` }}
                      />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Panel>
      <Panel title="Purchases">
        {auths.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No purchases yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="card-authorizations">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-4">When</th>
                  <th className="py-2 pr-4">Merchant</th>
                  <th className="py-2 pr-4 text-right">Amount</th>
                  <th className="py-2 pr-4">Result</th>
                  <th className="py-2">Why</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {auths.map((a) => (
                  <tr key={a.id}>
                    <td className="py-2 pr-4 whitespace-nowrap">{when.format(a.at)}</td>
                    <td className="py-2 pr-4">
                      {a.merchant ?? "—"}
                      <span className="block text-xs text-slate-500">
                        {a.category?.replace(/_/g, " ")} {a.country ? `· ${a.country}` : ""}
                      </span>
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(a.amount, a.currency)}</td>
                    <td className="py-2 pr-4">
                      <span className={a.approved ? "text-emerald-700" : "text-red-700"}>
                        {a.approved ? `Approved (${a.status})` : "Declined"}
                      </span>
                    </td>
                    <td className="py-2 text-slate-600">
                      {a.approved ? "—" : <DeclineReason explanation={a.explanation} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {auths.length === 25 && last ? (
          <Link
            href={`/cards/${card.id}?before=${last.at.getTime()}`}
            className="mt-3 inline-block text-sm text-brand-700 hover:underline"
          >
            Older purchases →
          </Link>
        ) : null}
      </Panel>
      <CapturesPanel
        accountId={accountId}
        cardId={card.id}
        action={can(ctx.role, "cards.manage") ? openDisputeAction : undefined}
        before={captureCursor(purchases)}
        olderHref={(cursor) => `/cards/${card.id}?purchases=${cursor}`}
      />
    </section>
  );
}
