import type { DbOrTx } from "@/db/connect";
import { financialAccounts } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

/** A v1 (treasury) or v2 (money management) financial account with its balances. */
export async function upsertFinancialAccount(db: DbOrTx, row: typeof financialAccounts.$inferInsert): Promise<void> {
  await upsertNewer(db, financialAccounts, row);
}
