import { and, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { issuingTransactions } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

export async function upsertIssuingTransaction(
  db: DbOrTx,
  row: typeof issuingTransactions.$inferInsert,
): Promise<void> {
  await upsertNewer(db, issuingTransactions, row);
}

/**
 * Card captures and refunds per UTC day (`YYYY-MM-DD`) since `since`: money out (captures) and back
 * in (refunds). On the Issuing balance these are the card's ledger lines (a financial account's
 * ledger has its own lines for them).
 */
export async function cardMoneyByDay(
  db: DbOrTx,
  { accountId, since }: { accountId: string; since: Date },
): Promise<Array<{ day: string; moneyIn: number; moneyOut: number }>> {
  const day = sql<string>`to_char(${issuingTransactions.objectCreatedAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      day,
      moneyIn: sql<number>`coalesce(sum(case when ${issuingTransactions.amount} > 0 then ${issuingTransactions.amount} else 0 end), 0)::bigint`,
      moneyOut: sql<number>`coalesce(sum(case when ${issuingTransactions.amount} < 0 then -${issuingTransactions.amount} else 0 end), 0)::bigint`,
    })
    .from(issuingTransactions)
    .where(and(eq(issuingTransactions.accountId, accountId), gte(issuingTransactions.objectCreatedAt, since)))
    .groupBy(day);
  return rows.map((r) => ({ day: r.day, moneyIn: Number(r.moneyIn), moneyOut: Number(r.moneyOut) }));
}
