import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { pageParam } from "@/components/ui/newer-older";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { recentAuthorizations } from "@/db/queries/authorizations";
import { listBusinessOutbox } from "@/db/queries/business-outbox";
import { recentInboundTransfers } from "@/db/queries/inbound-transfers";
import { MERCHANT_CATEGORIES } from "@/lib/rules/merchant-categories";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { listCards } from "@/db/queries/cards";
import { stripeMode } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { balanceCurrencyFor, cardCurrencyFor } from "@/lib/funding-model";
import { AuthorizationButtons, CompleteInboundButton } from "./authorization-actions";
import { PurchaseForm, ReceiveMoneyForm } from "./purchase-form";
import { ShippingButtons } from "./shipping-buttons";
import { OutboxPanel } from "./outbox-panel";
import { AddToWalletForm } from "./wallet-form";

export const metadata: Metadata = { title: "Sandbox tools" };

const OUTBOX_PAGE = 20;

export default async function SandboxToolsPage({ searchParams }: { searchParams: Promise<{ outbox?: string }> }) {
  if (stripeMode() !== "sandbox") notFound();
  const ctx = await requireBusinessPage("cards.manage");
  if (!ctx) redirect("/onboarding");
  const accountId = ctx.business.stripeAccountId;
  if (!accountId) redirect("/dashboard");
  const db = getDb();
  const outboxPage = pageParam((await searchParams).outbox);
  const [cards, recent, inbound, mail] = await Promise.all([
    listCards(db, { accountId }),
    recentAuthorizations(db, { accountId, limit: 10 }),
    recentInboundTransfers(db, { businessId: ctx.business.id }),
    listBusinessOutbox(db, {
      businessId: ctx.business.id,
      viewerEmail: ctx.user.email,
      limit: OUTBOX_PAGE,
      offset: (outboxPage - 1) * OUTBOX_PAGE,
    }),
  ]);
  const physical = cards.filter(({ card }) => card.type === "physical" && card.shipping);
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Sandbox tools</h1>
        <p className="text-sm text-slate-600">
          Simulate what happens in the real world: purchases at merchants, captures, and money arriving; see the emails
          the app sent. Only in sandbox mode.
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
      <Panel title="Add to a wallet">
        <p className="mt-1 text-sm text-slate-600">
          Stands in for a cardholder adding their card to Apple Pay or Google Pay on a device.
        </p>
        <div className="mt-4">
          <AddToWalletForm
            cards={cards
              .filter(({ card }) => card.status !== "canceled")
              .map(({ card, holder }) => ({
                value: card.id,
                label: `${card.brand ?? "Card"} •••• ${card.last4} — ${holder ?? ""} (${card.status})`,
              }))}
          />
        </div>
      </Panel>
      <Panel title="Ship physical cards">
        <p className="mt-1 text-sm text-slate-600">
          Stands in for the card printer and the carrier (Stripe&apos;s shipping test helpers).
        </p>
        {physical.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No physical cards yet. Order one on the Cards page.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="physical-cards">
            {physical.map(({ card, holder }) => {
              const status = String((card.shipping as { status?: string } | null)?.status ?? "pending");
              return (
                <li
                  key={card.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-2"
                  data-card={card.id}
                >
                  <span>
                    •••• {card.last4} · {holder ?? ""} · <span data-testid="shipping-status">{status}</span>
                  </span>
                  <ShippingButtons key={status} card={card.id} status={status} />
                </li>
              );
            })}
          </ul>
        )}
      </Panel>
      {ctx.business.fundingModel === "issuing_balance" && can(ctx.role, "money.move") ? (
        <Panel title="Receive a bank transfer into your Issuing balance">
          <p className="mt-1 text-sm text-slate-600">
            Stands in for your bank sending money to the details on the Balance page (Stripe&apos;s test helper).
          </p>
          <div className="mt-4">
            <ReceiveMoneyForm currency={balanceCurrencyFor(ctx.business.country)} bankTransfer />
          </div>
        </Panel>
      ) : null}
      {ctx.business.fundingModel === "treasury" && can(ctx.role, "money.move") ? (
        <Panel title="Receive money into your financial account">
          <div className="mt-4">
            <ReceiveMoneyForm currency="usd" bankTransfer={false} />
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
      <OutboxPanel
        rows={mail.rows}
        page={outboxPage}
        pages={Math.max(1, Math.ceil(mail.total / OUTBOX_PAGE))}
        pageHref={(p) => `/sandbox-tools?outbox=${p}#outbox`}
      />
    </section>
  );
}
