import type { Metadata } from "next";
import { getDb } from "@/db";
import { listCardRequests } from "@/db/queries/card-requests";
import { listCardholderCards } from "@/db/queries/cards";
import { CardRequestForm } from "@/components/card-requests/request-form";
import { CardRequestList } from "@/components/card-requests/request-list";
import { shippingChoices } from "@/lib/cards/physical";
import { cardCurrencyFor } from "@/lib/funding-model";
import { cancelOwnRequestAction, requestOwnCardAction } from "../actions";
import { requireCardholderPage } from "@/lib/auth/session";
import { MissingReceiptsList } from "@/components/receipts/missing-receipts";
import { formatMoney } from "@/lib/money";
import { missingReceipts } from "@/lib/receipts/missing";
import { policyCurrency } from "@/lib/receipts/policy";
import { OwnCard } from "../own-card";

export const metadata: Metadata = { title: "My cards" };

/** The cardholder's own cards (their membership names the Issuing cardholder): current ones first, then past ones. */
export default async function MyCardsPage() {
  const ctx = await requireCardholderPage();
  const accountId = ctx.business.stripeAccountId;
  const [cards, missing, requests] = await Promise.all([
    accountId ? listCardholderCards(getDb(), { accountId, cardholderId: ctx.cardholderId }) : [],
    missingReceipts(getDb(), ctx.business, { cardholderId: ctx.cardholderId, pageSize: 10 }),
    listCardRequests(getDb(), { businessId: ctx.business.id, accountId, requestedBy: ctx.user.id, limit: 20 }),
  ]);
  const current = cards.filter((c) => c.status !== "canceled");
  const past = cards.filter((c) => c.status === "canceled");
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">My cards</h1>
        <p className="mt-1 text-sm text-slate-600">
          Your cards from {ctx.business.legalName}: what you can still spend, your recent purchases, and what to do if a
          card is lost.
        </p>
      </div>
      {missing ? (
        <section
          aria-labelledby="missing-receipts"
          className={`rounded-xl border p-5 ${missing.count > 0 ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
        >
          <h2 id="missing-receipts" className="text-lg font-semibold">
            Receipts to add: <span data-testid="my-missing-count">{missing.count}</span>
          </h2>
          <p className="text-sm text-slate-700">
            {ctx.business.legalName} needs a receipt for purchases above{" "}
            {formatMoney(missing.policy.receiptRequiredAbove ?? 0, policyCurrency(ctx.business))}
            {missing.policy.freezeAfterDays
              ? `; cards are frozen when one is more than ${missing.policy.freezeAfterDays} days late`
              : ""}
            .{missing.count > 0 ? " Open a purchase to add its receipt." : " You have added every one."}
          </p>
          {missing.count > 0 ? (
            <MissingReceiptsList
              rows={missing.rows}
              hrefOf={(id) => `/my-cards/purchases/${id}`}
              showCardholder={false}
            />
          ) : null}
        </section>
      ) : null}
      {current.length === 0 ? (
        <p
          className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600"
          data-testid="no-cards"
        >
          You have no active cards yet. Ask an owner or admin of {ctx.business.legalName} to issue you one; it appears
          here as soon as it&apos;s made.
        </p>
      ) : (
        <ul className="space-y-6" data-testid="my-cards">
          {current.map((card) => (
            <li key={card.id}>
              <OwnCard accountId={accountId!} card={card} userId={ctx.user.id} businessId={ctx.business.id} />
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="requests" className="space-y-3">
        <h2 id="requests" className="text-lg font-semibold">
          Request a card or a higher limit
        </h2>
        {accountId ? (
          <div className="max-w-xl rounded-xl border border-slate-200 bg-white p-5">
            <CardRequestForm
              action={requestOwnCardAction}
              currency={cardCurrencyFor(ctx.business.country)}
              cardholders={[]}
              cards={current.map((c) => ({ value: c.id, label: `${c.brand ?? "Card"} •••• ${c.last4}` }))}
              shipping={shippingChoices(ctx.business)}
            />
          </div>
        ) : null}
        <CardRequestList
          requests={requests}
          cancel={cancelOwnRequestAction}
          viewerId={ctx.user.id}
          empty="You haven't asked for anything yet."
        />
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="past-cards" className="space-y-3">
          <h2 id="past-cards" className="text-lg font-semibold">
            Past cards
          </h2>
          <ul className="space-y-3" data-testid="past-cards">
            {past.map((card) => (
              <li key={card.id}>
                <OwnCard accountId={accountId!} card={card} userId={ctx.user.id} businessId={ctx.business.id} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
