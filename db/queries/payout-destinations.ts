import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { payoutDestinations, type PayoutDestination } from "@/db/schema";

// Every query here filters on the business: another business's destination looks missing.

/** The `operations.kind` of adding a destination (one payout method per form). */
export const DESTINATION_KIND = "payout_destination";

export type NewPayoutDestination = typeof payoutDestinations.$inferInsert;

export async function listDestinations(
  db: DbOrTx,
  q: { businessId: string; includeArchived?: boolean },
): Promise<PayoutDestination[]> {
  const where = q.includeArchived
    ? eq(payoutDestinations.businessId, q.businessId)
    : and(eq(payoutDestinations.businessId, q.businessId), eq(payoutDestinations.archived, false));
  return db.select().from(payoutDestinations).where(where).orderBy(desc(payoutDestinations.createdAt));
}

export async function findDestination(
  db: DbOrTx,
  q: { businessId: string; id: string },
): Promise<PayoutDestination | undefined> {
  const [row] = await db
    .select()
    .from(payoutDestinations)
    .where(and(eq(payoutDestinations.businessId, q.businessId), eq(payoutDestinations.id, q.id)))
    .limit(1);
  return row;
}

/** The business's destination backed by this Stripe payout method (a repeated form finds the one it saved). */
export async function findDestinationByPayoutMethod(
  db: DbOrTx,
  q: { businessId: string; payoutMethodId: string },
): Promise<PayoutDestination | undefined> {
  const [row] = await db
    .select()
    .from(payoutDestinations)
    .where(
      and(eq(payoutDestinations.businessId, q.businessId), eq(payoutDestinations.payoutMethodId, q.payoutMethodId)),
    )
    .limit(1);
  return row;
}

/** Saves a destination; one already saved for the same payout method is brought back from the archive instead. */
export async function saveDestination(db: DbOrTx, row: NewPayoutDestination): Promise<PayoutDestination> {
  const [saved] = await db
    .insert(payoutDestinations)
    .values(row)
    .onConflictDoUpdate({
      target: [payoutDestinations.businessId, payoutDestinations.payoutMethodId],
      set: { archived: false },
    })
    .returning();
  return saved!;
}

export async function archiveDestinationRow(db: DbOrTx, q: { businessId: string; id: string }): Promise<void> {
  await db
    .update(payoutDestinations)
    .set({ archived: true })
    .where(and(eq(payoutDestinations.id, q.id), eq(payoutDestinations.businessId, q.businessId)));
}
