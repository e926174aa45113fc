import { and, eq, like, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { stripeEvents } from "@/db/schema";

/**
 * Event types that move a business's money or change a balance it sees: Treasury flows, v2 money
 * management (the USDC wallet), card holds and captures, disputes, and the Issuing balance's
 * top-ups, payouts and balance changes.
 */
export const MONEY_EVENT_PREFIXES = [
  "treasury.",
  "v2.money_management.",
  "issuing_authorization.",
  "issuing_transaction.",
  "issuing_dispute.",
  "balance.",
  "topup.",
  "payout.",
] as const;

/**
 * A cheap token that changes whenever a money event of the connected account is stored: how many
 * there are and when the newest arrived (to the microsecond, as Postgres keeps it). Events are
 * stored in the same transaction that updates the read models (wallet history, ledger lines), so
 * a page read after a token saw everything that token counts.
 */
export async function moneyEventsVersion(db: DbOrTx, { accountId }: { accountId: string }): Promise<string> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      latest: sql<string | null>`max(${stripeEvents.receivedAt})::text`,
    })
    .from(stripeEvents)
    .where(
      and(
        eq(stripeEvents.account, accountId),
        or(...MONEY_EVENT_PREFIXES.map((prefix) => like(stripeEvents.type, `${prefix.replace(/_/g, "\\_")}%`))),
      ),
    );
  return `${Number(row?.count ?? 0)}@${row?.latest ?? "-"}`;
}
