import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { cardholders } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

export async function upsertCardholder(db: DbOrTx, row: typeof cardholders.$inferInsert): Promise<void> {
  await upsertNewer(db, cardholders, row);
}

/** The business's cardholders from the read model, newest first (the filter is the account). */
export async function listCardholders(db: DbOrTx, { accountId, limit = 100 }: { accountId: string; limit?: number }) {
  return db
    .select({ id: cardholders.id, name: cardholders.name, status: cardholders.status })
    .from(cardholders)
    .where(eq(cardholders.accountId, accountId))
    .orderBy(desc(cardholders.objectCreatedAt))
    .limit(limit);
}
