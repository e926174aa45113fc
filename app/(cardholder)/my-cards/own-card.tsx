import { randomUUID } from "node:crypto";
import Link from "next/link";
import { ReplaceCardForm, type ReasonOption } from "@/components/cards/replace-card-form";
import { ConfirmForm } from "@/components/team/confirm-form";
import { getDb } from "@/db";
import { cardReplacementLinks } from "@/db/queries/cards";
import type { cards } from "@/db/schema";
import { activationBlocker, holderStatus } from "@/lib/cards/activation";
import { cardAuthorizations } from "@/lib/cards/authorizations";
import { mayUnfreeze } from "@/lib/cards/own-cards";
import { limitUsage, type SpendingLimit } from "@/lib/cards/spending";
import { formatMoney } from "@/lib/money";
import { CardDetailsReveal } from "@/components/cards/card-details-reveal";
import { DeclineReason } from "@/components/cards/decline-reason";
import { stripeJsSource } from "@/lib/config";
import { freezeOwnCardAction, reportCardAction, revealOwnCardAction, unfreezeOwnCardAction } from "./actions";

type CardRow = typeof cards.$inferSelect;

const REPORT_REASONS: ReasonOption[] = [
  { value: "lost", label: "Lost", hint: "The card stops working now and you get a new card with a new number." },
  { value: "stolen", label: "Stolen", hint: "The card stops working now and you get a new card with a new number." },
];
const STATUS_STYLE: Record<string, string> = {
  active: "bg-emerald-100 text-emerald-800",
  inactive: "bg-sky-100 text-sky-800",
  undelivered: "bg-amber-100 text-amber-900",
};
const when = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
});

const limitsOf = (card: CardRow): SpendingLimit[] =>
  ((card.spendingControls.spending_limits as SpendingLimit[] | undefined) ?? []).map((l) => ({
    amount: l.amount,
    interval: l.interval,
    categories: l.categories ?? null,
  }));

/** One of the cardholder's cards: status, spending left per limit, recent purchases, and what they may do. */
export async function OwnCard({
  accountId,
  card,
  userId,
  businessId,
}: {
  accountId: string;
  card: CardRow;
  userId: string;
  businessId: string;
}) {
  const db = getDb();
  const [usage, purchases, links] = await Promise.all([
    limitUsage(db, accountId, card.id, limitsOf(card)),
    cardAuthorizations(db, accountId, card.id, { limit: 5 }),
    cardReplacementLinks(db, { accountId, cardId: card.id }),
  ]);
  const unfreezable = card.status === "inactive" && (await mayUnfreeze(db, { businessId, userId }, card.id));
  // The read model keeps Stripe's `shipping` as stored JSON: read as Stripe's card for the status rules.
  const asStripe = card as Parameters<typeof holderStatus>[0];
  const shown = holderStatus(asStripe);
  const status = { label: shown.label, style: STATUS_STYLE[shown.status] ?? "bg-slate-200 text-slate-700" };
  const name = `${card.brand ?? "Card"} •••• ${card.last4}`;
  const live = card.status !== "canceled" && !links.replacedBy;
  return (
    <article
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-5"
      data-testid="my-card"
      data-card={card.id}
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">{name}</h2>
          <p className="text-sm text-slate-600">
            {card.type} · expires {String(card.expMonth).padStart(2, "0")}/{card.expYear}
            {card.cancellationReason ? ` · canceled as ${card.cancellationReason}` : ""}
          </p>
          {links.replacementFor ? (
            <p className="text-sm text-slate-600" data-testid="replacement-for">
              Replacement for •••• {links.replacementFor.last4}
            </p>
          ) : null}
          {links.replacedBy ? (
            <p className="text-sm text-slate-600" data-testid="replaced-by">
              Replaced by •••• {links.replacedBy.last4}
            </p>
          ) : null}
        </div>
        <span data-testid="my-card-status" className={`rounded-full px-3 py-1 text-sm font-medium ${status.style}`}>
          {status.label}
        </span>
      </header>
      {live ? (
        <div className="flex flex-wrap items-start gap-3">
          {card.status === "active" ? (
            <ConfirmForm
              action={freezeOwnCardAction}
              done={`${name} is frozen.`}
              fields={{ card: card.id }}
              trigger="Freeze card"
              question={`Freeze ${name}? Purchases are declined until you unfreeze it.`}
              confirmLabel="Freeze"
              pendingLabel="Freezing…"
            />
          ) : unfreezable ? (
            <ConfirmForm
              action={unfreezeOwnCardAction}
              done={`${name} works again.`}
              fields={{ card: card.id }}
              trigger="Unfreeze card"
              question={`Unfreeze ${name}? Purchases are approved again.`}
              confirmLabel="Unfreeze"
              pendingLabel="Unfreezing…"
            />
          ) : shown.status === "undelivered" ? (
            <p className="text-sm text-slate-600" data-testid="my-card-delivery">
              {activationBlocker(asStripe)}. An owner or admin activates it then.
            </p>
          ) : (
            <p className="text-sm text-slate-600">
              Your business froze or hasn&apos;t activated this card: ask an owner or admin.
            </p>
          )}
          <ReplaceCardForm
            action={reportCardAction}
            cardId={card.id}
            clientToken={randomUUID()}
            reasons={REPORT_REASONS}
            trigger="Report lost or stolen"
            title="Report this card lost or stolen"
            testId="report-card"
          />
        </div>
      ) : null}
      {live ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-800">Card details</h3>
          <CardDetailsReveal cardId={card.id} source={stripeJsSource()} createKey={revealOwnCardAction} />
        </div>
      ) : null}
      {live ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-800">Spending left</h3>
          {usage.length === 0 ? (
            <p className="mt-1 text-sm text-slate-500">No spending limits on this card.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm" data-testid="spending-left">
              {usage.map((u) => (
                <li
                  key={`${u.interval}-${(u.categories ?? []).join(",")}`}
                  className="flex flex-wrap justify-between gap-2"
                >
                  <span className="capitalize">
                    {u.interval === "per_authorization" ? "Per purchase" : u.interval.replace(/_/g, " ")}
                    {u.categories?.length ? ` (${u.categories.join(", ").replace(/_/g, " ")})` : ""}
                  </span>
                  <span className="tabular-nums">
                    {u.windowStart
                      ? `${formatMoney(Math.max(0, u.amount - u.spent), card.currency)} left of ${formatMoney(u.amount, card.currency)}`
                      : `up to ${formatMoney(u.amount, card.currency)}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <div>
        <h3 className="text-sm font-semibold text-slate-800">Recent purchases</h3>
        {purchases.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">No purchases on this card yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="my-card-purchases">
            {purchases.map((p) => (
              <li key={p.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  <Link href={`/my-cards/purchases/${p.id}`} className="underline">
                    {p.merchant ?? "Purchase"}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {when.format(p.at)} · {p.approved ? "Approved" : "Declined"}
                  </span>
                  {p.approved ? null : (
                    <span className="block text-xs text-slate-600">
                      <DeclineReason explanation={p.explanation} />
                    </span>
                  )}
                </span>
                <span className="tabular-nums">{formatMoney(p.amount, p.currency)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
