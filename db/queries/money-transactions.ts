import { and, desc, eq, gte, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { moneyTransactions } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

export type MoneyTransactionRow = typeof moneyTransactions.$inferSelect;

/** The account's newest ledger lines (money in and out of its financial accounts). */
export function recentMoneyTransactions(
  db: DbOrTx,
  { accountId, limit }: { accountId: string; limit: number },
): Promise<MoneyTransactionRow[]> {
  return db
    .select()
    .from(moneyTransactions)
    .where(eq(moneyTransactions.accountId, accountId))
    .orderBy(desc(moneyTransactions.objectCreatedAt))
    .limit(limit);
}

/** Money in and out per UTC day (`YYYY-MM-DD`) since `since`, voided lines left out; days without any are absent. */
export async function moneyInOutByDay(
  db: DbOrTx,
  { accountId, since }: { accountId: string; since: Date },
): Promise<Array<{ day: string; moneyIn: number; moneyOut: number }>> {
  const day = sql<string>`to_char(${moneyTransactions.objectCreatedAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      day,
      moneyIn: sql<number>`coalesce(sum(case when ${moneyTransactions.amount} > 0 then ${moneyTransactions.amount} else 0 end), 0)::bigint`,
      moneyOut: sql<number>`coalesce(sum(case when ${moneyTransactions.amount} < 0 then -${moneyTransactions.amount} else 0 end), 0)::bigint`,
    })
    .from(moneyTransactions)
    .where(
      and(
        eq(moneyTransactions.accountId, accountId),
        gte(moneyTransactions.objectCreatedAt, since),
        ne(moneyTransactions.status, "void"),
      ),
    )
    .groupBy(day);
  return rows.map((r) => ({ day: r.day, moneyIn: Number(r.moneyIn), moneyOut: Number(r.moneyOut) }));
}

export async function upsertMoneyTransaction(db: DbOrTx, row: typeof moneyTransactions.$inferInsert): Promise<void> {
  await upsertNewer(db, moneyTransactions, row);
}
