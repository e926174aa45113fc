import type { DbOrTx } from "@/db/connect";
import { cardSpendSince } from "@/db/queries/authorizations";

export type SpendingLimit = { amount: number; interval: string; categories?: string[] | null };
export type LimitUsage = SpendingLimit & { spent: number; windowStart: Date | null };

/** Start of the calendar window (UTC) a limit counts in; weekly windows start on Sunday, as Stripe's do. */
export function windowStart(interval: string, now: Date): Date | null {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  switch (interval) {
    case "daily":
      return new Date(Date.UTC(y, m, d));
    case "weekly":
      return new Date(Date.UTC(y, m, d - now.getUTCDay()));
    case "monthly":
      return new Date(Date.UTC(y, m, 1));
    case "yearly":
      return new Date(Date.UTC(y, 0, 1));
    case "all_time":
      return new Date(0);
    default:
      return null; // per_authorization: nothing accumulates
  }
}

/** How much of each spending limit the card has used, from approved authorizations in the read model. */
export async function limitUsage(
  db: DbOrTx,
  accountId: string,
  cardId: string,
  limits: SpendingLimit[],
  now = new Date(),
): Promise<LimitUsage[]> {
  return Promise.all(
    limits.map(async (limit) => {
      const start = windowStart(limit.interval, now);
      if (!start) return { ...limit, spent: 0, windowStart: null };
      const spent = await cardSpendSince(db, { accountId, cardId, since: start, categories: limit.categories });
      return { ...limit, spent, windowStart: start };
    }),
  );
}
