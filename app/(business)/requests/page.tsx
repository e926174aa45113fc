import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CardRequestForm } from "@/components/card-requests/request-form";
import { CardRequestList } from "@/components/card-requests/request-list";
import { getDb } from "@/db";
import { listCardholders } from "@/db/queries/cardholders";
import { listCardRequests } from "@/db/queries/card-requests";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { activeDesigns, designOptions, shippingChoices } from "@/lib/cards/physical";
import { getStripe } from "@/lib/stripe/client";
import { cardCurrencyFor } from "@/lib/funding-model";
import { approveRequestAction, cancelRequestAction, declineRequestAction, requestCardAction } from "./actions";

export const metadata: Metadata = { title: "Requests" };

/**
 * Card requests: owners and admins decide the pending ones and see the history; a member asks
 * for a card for one of the business's cardholders and sees their own requests.
 */
export default async function RequestsPage() {
  const ctx = await requireBusinessPage("business.view");
  if (!ctx) redirect("/onboarding");
  const db = getDb();
  const deciding = can(ctx.role, "cards.manage");
  const asking = can(ctx.role, "cards.request");
  const accountId = ctx.business.stripeAccountId;
  const [requests, holders] = await Promise.all([
    listCardRequests(db, {
      businessId: ctx.business.id,
      accountId,
      requestedBy: deciding ? undefined : ctx.user.id,
      limit: 100,
    }),
    asking && accountId ? listCardholders(db, { accountId }) : Promise.resolve([]),
  ]);
  const pending = requests.filter((r) => r.status === "pending");
  const decided = requests.filter((r) => r.status !== "pending");
  // Read from Stripe only when an approver has a physical card to approve (unreadable: the default design).
  const designs =
    deciding && accountId && pending.some((r) => r.kind === "new_card" && r.cardType === "physical")
      ? await activeDesigns(getStripe(), accountId).catch(() => [])
      : [];
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Requests</h1>
        <p className="mt-1 text-sm text-slate-600">
          {deciding
            ? "New cards and higher limits your team asked for. Approving creates the card or sets the limit; the authorization rules' maximum is still the ceiling."
            : "Ask for a card for one of the business's cardholders; an owner or admin decides."}
        </p>
      </div>
      {asking ? (
        <section aria-labelledby="ask" className="max-w-xl space-y-3 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="ask" className="text-lg font-semibold">
            Request a card
          </h2>
          {accountId ? (
            <CardRequestForm
              action={requestCardAction}
              currency={cardCurrencyFor(ctx.business.country)}
              cardholders={holders.map((h) => ({ value: h.id, label: h.email ? `${h.name} (${h.email})` : h.name }))}
              cards={[]}
              shipping={shippingChoices(ctx.business)}
            />
          ) : (
            <p className="text-sm text-slate-600">Cards can be requested once the business is set up.</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="pending" className="space-y-3">
        <h2 id="pending" className="text-lg font-semibold">
          Pending
        </h2>
        <CardRequestList
          requests={pending}
          viewerId={ctx.user.id}
          decide={deciding ? { approve: approveRequestAction, decline: declineRequestAction } : undefined}
          cancel={asking ? cancelRequestAction : undefined}
          designs={designOptions(designs)}
          empty={
            deciding
              ? "Nothing waiting. Requests from members and cardholders appear here."
              : "You have no pending requests."
          }
        />
      </section>
      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-lg font-semibold">
          History
        </h2>
        <CardRequestList requests={decided} viewerId={ctx.user.id} empty="No decided requests yet." />
      </section>
    </section>
  );
}
