import type { DbOrTx } from "@/db/connect";
import { issuingTransactions } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

export async function upsertIssuingTransaction(
  db: DbOrTx,
  row: typeof issuingTransactions.$inferInsert,
): Promise<void> {
  await upsertNewer(db, issuingTransactions, row);
}
