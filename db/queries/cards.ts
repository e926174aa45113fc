import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { cardholders, cards } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

/** The business's cards from the read model (never another account's: the filter is the account). */
export async function listCards(db: DbOrTx, { accountId, limit = 50 }: { accountId: string; limit?: number }) {
  return db
    .select({ card: cards, holder: cardholders.name })
    .from(cards)
    .leftJoin(cardholders, eq(cardholders.id, cards.cardholderId))
    .where(eq(cards.accountId, accountId))
    .orderBy(desc(cards.objectCreatedAt))
    .limit(limit);
}

export async function upsertCard(db: DbOrTx, row: typeof cards.$inferInsert): Promise<void> {
  await upsertNewer(db, cards, row);
}
