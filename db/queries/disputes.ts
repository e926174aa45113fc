import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { businesses, disputes, issuingTransactions } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

/** Disputes of the account still waiting for the business's evidence. */
export async function countDisputesAwaitingEvidence(db: DbOrTx, { accountId }: { accountId: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(disputes)
    .where(and(eq(disputes.accountId, accountId), eq(disputes.status, "unsubmitted")));
  return row?.n ?? 0;
}

export async function upsertDispute(db: DbOrTx, row: typeof disputes.$inferInsert): Promise<void> {
  await upsertNewer(db, disputes, row);
}

/** One dispute of the account (another account's looks missing). */
export async function getDispute(
  db: DbOrTx,
  { accountId, id }: { accountId: string; id: string },
): Promise<typeof disputes.$inferSelect | null> {
  const [row] = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.accountId, accountId), eq(disputes.id, id)))
    .limit(1);
  return row ?? null;
}

/** The dispute already opened on a transaction of the account, if any. */
export async function disputeOfTransaction(
  db: DbOrTx,
  { accountId, transactionId }: { accountId: string; transactionId: string },
): Promise<typeof disputes.$inferSelect | null> {
  const [row] = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.accountId, accountId), eq(disputes.transactionId, transactionId)))
    .limit(1);
  return row ?? null;
}

const listColumns = {
  id: disputes.id,
  accountId: disputes.accountId,
  transactionId: disputes.transactionId,
  cardId: disputes.cardId,
  amount: disputes.amount,
  currency: disputes.currency,
  status: disputes.status,
  reason: disputes.reason,
  openedAt: disputes.objectCreatedAt,
  merchantName: issuingTransactions.merchantName,
  capturedAt: issuingTransactions.objectCreatedAt,
};
export type DisputeListRow = {
  id: string;
  accountId: string;
  transactionId: string | null;
  cardId: string | null;
  amount: number;
  currency: string;
  status: string;
  reason: string | null;
  openedAt: Date;
  merchantName: string | null;
  capturedAt: Date | null;
};

/** The account's disputes, newest first, with the purchase they are about. */
export async function listDisputes(
  db: DbOrTx,
  { accountId, limit = 100 }: { accountId: string; limit?: number },
): Promise<DisputeListRow[]> {
  return db
    .select(listColumns)
    .from(disputes)
    .leftJoin(
      issuingTransactions,
      and(eq(issuingTransactions.id, disputes.transactionId), eq(issuingTransactions.accountId, disputes.accountId)),
    )
    .where(eq(disputes.accountId, accountId))
    .orderBy(desc(disputes.objectCreatedAt))
    .limit(limit);
}

/** Every business's disputes (platform admins), newest first, with the business's name. */
export async function listAllDisputes(
  db: DbOrTx,
  { limit = 200 }: { limit?: number } = {},
): Promise<Array<DisputeListRow & { businessId: string | null; businessName: string | null }>> {
  return db
    .select({ ...listColumns, businessId: businesses.id, businessName: businesses.legalName })
    .from(disputes)
    .leftJoin(
      issuingTransactions,
      and(eq(issuingTransactions.id, disputes.transactionId), eq(issuingTransactions.accountId, disputes.accountId)),
    )
    .leftJoin(businesses, eq(businesses.stripeAccountId, disputes.accountId))
    .orderBy(desc(disputes.objectCreatedAt))
    .limit(limit);
}
