import type { DbOrTx } from "@/db/connect";
import { cardholders } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

export async function upsertCardholder(db: DbOrTx, row: typeof cardholders.$inferInsert): Promise<void> {
  await upsertNewer(db, cardholders, row);
}
