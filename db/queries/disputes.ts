import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { disputes } from "@/db/schema";
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
