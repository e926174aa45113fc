import type { Ctx } from "../../wire/context";
import { dayOf, TABLES } from "./common";
import type { Limit } from "./spending-controls";

/**
 * What a card (or cardholder) has spent, for spending limits: approved authorizations still
 * held, plus captures, minus refunds [Stripe's exact accounting is not documented; this is the
 * sandbox's rule]. Kept as per-day aggregates (`<subject>|<day>`, by category) plus an all-time
 * one, so checking a limit reads at most a year of days instead of every authorization.
 * Windows are calendar windows in UTC on the sandbox clock: daily from 00:00, weekly from
 * Sunday 00:00 [guess: Stripe does not say which day weeks start], monthly from the 1st,
 * yearly from 1 January.
 */
type Agg = { t: number; c: Record<string, number> };

function bump(ctx: Ctx, key: string, category: string, delta: number): void {
  const row = ctx.tx.get<Agg>(TABLES.spend, key);
  const agg: Agg = row ? { t: row.data.t, c: { ...row.data.c } } : { t: 0, c: {} };
  agg.t += delta;
  agg.c[category] = (agg.c[category] ?? 0) + delta;
  ctx.tx.put<Agg>(TABLES.spend, key, { owner: "", data: agg });
}

/** Records `delta` (positive spend, negative release/refund) for each subject (card, cardholder) on the day of `ms`. */
export function addSpend(ctx: Ctx, subjects: string[], ms: number, category: string, delta: number): void {
  if (delta === 0) return;
  for (const s of subjects) {
    bump(ctx, `${s}|${dayOf(ms)}`, category, delta);
    bump(ctx, `${s}|all`, category, delta);
  }
}

/** First day (days since epoch, UTC) of the calendar window containing `nowMs`. */
export function windowStartDay(interval: string, nowMs: number): number {
  const d = new Date(nowMs);
  const today = dayOf(nowMs);
  if (interval === "daily") return today;
  if (interval === "weekly") return today - d.getUTCDay();
  if (interval === "monthly") return dayOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  return dayOf(Date.UTC(d.getUTCFullYear(), 0, 1));
}

function amountOf(agg: Agg | undefined, categories: string[]): number {
  if (!agg) return 0;
  if (!categories.length) return agg.t;
  return categories.reduce((s, c) => s + (agg.c[c] ?? 0), 0);
}

/** Spend of `subject` in the current window of `interval`, limited to `categories` (all when empty). */
export function spentIn(ctx: Ctx, subject: string, interval: string, categories: string[], nowMs: number): number {
  if (interval === "all_time") return amountOf(ctx.tx.get<Agg>(TABLES.spend, `${subject}|all`)?.data, categories);
  let total = 0;
  for (let day = windowStartDay(interval, nowMs); day <= dayOf(nowMs); day++)
    total += amountOf(ctx.tx.get<Agg>(TABLES.spend, `${subject}|${day}`)?.data, categories);
  return total;
}

/** Whether `amount` at `category` fits every limit (each limit of the card and of its cardholder: the most restrictive wins). */
export function withinLimits(
  ctx: Ctx,
  limits: Array<{ subject: string; limit: Limit }>,
  amount: number,
  category: string,
  nowMs: number,
): boolean {
  for (const { subject, limit } of limits) {
    const cats = limit.categories ?? [];
    if (cats.length && !cats.includes(category as never)) continue;
    if (limit.interval === "per_authorization") {
      if (amount > limit.amount) return false;
      continue;
    }
    if (spentIn(ctx, subject, limit.interval, cats as string[], nowMs) + amount > limit.amount) return false;
  }
  return true;
}
