import type Stripe from "stripe";
import { getDb } from "@/db";
import { getCardSchedule } from "@/db/queries/card-schedules";

const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** The card's limits on its life, when it has any: how many payments it may make, and the day it ends. */
export async function CardLifecycle({ card, businessId }: { card: Stripe.Issuing.Card; businessId: string }) {
  const schedule = await getCardSchedule(getDb(), { businessId, cardId: card.id });
  const count = card.lifecycle_controls?.cancel_after.payment_count ?? null;
  if (!count && !schedule) return null;
  // The day shown is the last day the card works (it is canceled at the start of the next, UTC).
  const lastDay = schedule ? new Date(schedule.cancelAt.getTime() - 86_400_000) : null;
  return (
    <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="card-lifecycle">
      {count
        ? count === 1
          ? "Single-use card: canceled after one payment."
          : `Canceled after ${count} payments.`
        : null}
      {count && lastDay ? " " : null}
      {lastDay
        ? schedule?.canceledAt
          ? `Ended on ${day.format(lastDay)}.`
          : `Ends on ${day.format(lastDay)} (canceled at the end of that day, UTC).`
        : null}
    </p>
  );
}
