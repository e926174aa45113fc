import { and, asc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { outbox } from "@/db/schema";

export type OutboxRow = typeof outbox.$inferSelect;
/** `businessId`: the business an alert is about (its sandbox outbox lists it); none for personal mail. */
export type NewEmail = { to: string; subject: string; text: string; kind: string; businessId?: string | null };

export async function insertOutbox(db: DbOrTx, email: NewEmail): Promise<OutboxRow> {
  const [row] = await db.insert(outbox).values(email).returning();
  return row!;
}

/** Unsent rows worth another try: fewer than `maxAttempts`, written after `since`, oldest first. */
export async function listUnsent(
  db: DbOrTx,
  { maxAttempts, since, before, limit }: { maxAttempts: number; since: Date; before: Date; limit: number },
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        isNull(outbox.sentAt),
        lt(outbox.attempts, maxAttempts),
        gt(outbox.createdAt, since),
        lt(outbox.createdAt, before),
      ),
    )
    .orderBy(asc(outbox.createdAt))
    .limit(limit);
}

/** These rows, those not sent yet, oldest first. */
export async function listUnsentByIds(db: DbOrTx, { ids }: { ids: string[] }): Promise<OutboxRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(outbox)
    .where(and(inArray(outbox.id, ids), isNull(outbox.sentAt)))
    .orderBy(asc(outbox.createdAt));
}

/**
 * Takes the next attempt of an unsent row: false when another instance took it first (the
 * attempt count moved), so two instances never send the same attempt.
 */
export async function claimOutboxAttempt(db: DbOrTx, { id, attempts }: { id: string; attempts: number }) {
  const rows = await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1` })
    .where(and(eq(outbox.id, id), isNull(outbox.sentAt), eq(outbox.attempts, attempts)))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export async function markOutboxSent(db: DbOrTx, { id, at }: { id: string; at: Date }): Promise<void> {
  await db.update(outbox).set({ sentAt: at, lastError: null }).where(eq(outbox.id, id));
}

export async function recordOutboxError(db: DbOrTx, { id, error }: { id: string; error: string }): Promise<void> {
  await db.update(outbox).set({ lastError: error }).where(eq(outbox.id, id));
}
