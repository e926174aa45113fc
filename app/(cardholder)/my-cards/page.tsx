import type { Metadata } from "next";
import { getDb } from "@/db";
import { listCardRequests } from "@/db/queries/card-requests";
import { listCardholderCards } from "@/db/queries/cards";
import { CardRequestForm } from "@/components/card-requests/request-form";
import { CardRequestList } from "@/components/card-requests/request-list";
import { cardCurrencyFor } from "@/lib/funding-model";
import { requestOwnCardAction } from "./actions";
import { requireCardholderPage } from "@/lib/auth/session";
import { OwnCard } from "./own-card";

export const metadata: Metadata = { title: "My cards" };

/** The cardholder's own cards (their membership names the Issuing cardholder): current ones first, then past ones. */
export default async function MyCardsPage() {
  const ctx = await requireCardholderPage();
  const accountId = ctx.business.stripeAccountId;
  const cards = accountId ? await listCardholderCards(getDb(), { accountId, cardholderId: ctx.cardholderId }) : [];
  const requests = await listCardRequests(getDb(), {
    businessId: ctx.business.id,
    accountId,
    requestedBy: ctx.user.id,
    limit: 20,
  });
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
            />
          </div>
        ) : null}
        <CardRequestList requests={requests} viewerId={ctx.user.id} empty="You haven't asked for anything yet." />
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
