import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { businesses, cardSchedules } from "@/db/schema";

export async function insertCardSchedule(db: DbOrTx, row: typeof cardSchedules.$inferInsert): Promise<void> {
  await db.insert(cardSchedules).values(row).onConflictDoNothing();
}

/** A card's end date, scoped to the business (another business's card has none). */
export async function getCardSchedule(db: DbOrTx, { businessId, cardId }: { businessId: string; cardId: string }) {
  const [row] = await db
    .select()
    .from(cardSchedules)
    .where(and(eq(cardSchedules.businessId, businessId), eq(cardSchedules.cardId, cardId)))
    .limit(1);
  return row ?? null;
}

/** Cards whose end date has passed and that are not canceled yet, oldest first, with their business's account. */
export function dueCardSchedules(db: DbOrTx, { now, limit }: { now: Date; limit: number }) {
  return db
    .select({ cardId: cardSchedules.cardId, accountId: businesses.stripeAccountId })
    .from(cardSchedules)
    .innerJoin(businesses, eq(businesses.id, cardSchedules.businessId))
    .where(and(isNull(cardSchedules.canceledAt), lte(cardSchedules.cancelAt, now)))
    .orderBy(asc(cardSchedules.cancelAt))
    .limit(limit);
}

export async function markCardScheduleDone(db: DbOrTx, { cardId, at }: { cardId: string; at: Date }): Promise<void> {
  await db
    .update(cardSchedules)
    .set({ canceledAt: at })
    .where(and(eq(cardSchedules.cardId, cardId), isNull(cardSchedules.canceledAt)));
}
