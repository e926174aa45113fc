import { and, desc, eq, gte, lt, or, sql } from "drizzle-orm";
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

/**
 * The capture a purchase stands for, in this account: the transaction itself (`ipi_…`), or the capture
 * of an authorization (`iauth_…`). None when the purchase is not (yet) captured, or is another account's.
 */
export async function findCapture(
  db: DbOrTx,
  { accountId, purchase }: { accountId: string; purchase: string },
): Promise<typeof issuingTransactions.$inferSelect | null> {
  const byId = purchase.startsWith("iauth_")
    ? eq(issuingTransactions.authorizationId, purchase)
    : eq(issuingTransactions.id, purchase);
  const [row] = await db
    .select()
    .from(issuingTransactions)
    .where(and(eq(issuingTransactions.accountId, accountId), eq(issuingTransactions.type, "capture"), byId))
    .orderBy(desc(issuingTransactions.objectCreatedAt))
    .limit(1);
  return row ?? null;
}

/** Where a page of captures starts: after this one (newest first, ties broken by id). */
export type CaptureCursor = { createdAt: Date; id: string };

/**
 * Captures of an account (or of one card), newest first, a page at a time: `limit` rows after
 * `before`, and whether more follow. Their times are Stripe's whole seconds, so the cursor is exact.
 */
export async function cardCaptures(
  db: DbOrTx,
  {
    accountId,
    cardId,
    before,
    limit = 25,
  }: { accountId: string; cardId?: string; before?: CaptureCursor | null; limit?: number },
): Promise<{ rows: Array<typeof issuingTransactions.$inferSelect>; hasMore: boolean }> {
  const t = issuingTransactions;
  const rows = await db
    .select()
    .from(t)
    .where(
      and(
        eq(t.accountId, accountId),
        cardId ? eq(t.cardId, cardId) : undefined,
        eq(t.type, "capture"),
        before
          ? or(
              lt(t.objectCreatedAt, before.createdAt),
              and(eq(t.objectCreatedAt, before.createdAt), lt(t.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(t.objectCreatedAt), desc(t.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** The card a transaction was made with (for a dispute event whose transaction is not expanded). */
export async function cardOfTransaction(
  db: DbOrTx,
  { accountId, transactionId }: { accountId: string; transactionId: string },
): Promise<string | null> {
  const [row] = await db
    .select({ cardId: issuingTransactions.cardId })
    .from(issuingTransactions)
    .where(and(eq(issuingTransactions.accountId, accountId), eq(issuingTransactions.id, transactionId)))
    .limit(1);
  return row?.cardId || null;
}
