import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { cardholders } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

export async function upsertCardholder(db: DbOrTx, row: typeof cardholders.$inferInsert): Promise<void> {
  await upsertNewer(db, cardholders, row);
}

/** The business's Issuing cardholders from the read model, by name (the account filters). */
export async function listCardholders(db: DbOrTx, { accountId, limit = 200 }: { accountId: string; limit?: number }) {
  return db
    .select({ id: cardholders.id, name: cardholders.name, email: cardholders.email, status: cardholders.status })
    .from(cardholders)
    .where(eq(cardholders.accountId, accountId))
    .orderBy(asc(cardholders.name))
    .limit(limit);
}
