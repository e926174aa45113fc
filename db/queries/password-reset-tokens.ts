import { and, count, eq, gt, gte, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { passwordResetTokens, users } from "@/db/schema";

/**
 * Holds the user's row until the transaction ends, so two reset requests for one email at once
 * are counted one after the other (the per-email limit holds on several app instances).
 */
export async function lockUserForReset(db: DbOrTx, { userId }: { userId: string }): Promise<void> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
}

/** Reset links asked for by this user since `since` (used or not). */
export async function countResetTokensSince(
  db: DbOrTx,
  { userId, since }: { userId: string; since: Date },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.userId, userId), gte(passwordResetTokens.createdAt, since)));
  return row?.n ?? 0;
}

export async function insertResetToken(
  db: DbOrTx,
  row: { userId: string; tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResetTokens).values(row);
}

const usable = (tokenHash: string, now: Date) =>
  and(
    eq(passwordResetTokens.tokenHash, tokenHash),
    isNull(passwordResetTokens.usedAt),
    gt(passwordResetTokens.expiresAt, now),
  );

/** The user a live (unused, unexpired) link belongs to, or null. */
export async function findUsableResetToken(
  db: DbOrTx,
  { tokenHash, now }: { tokenHash: string; now: Date },
): Promise<{ userId: string } | null> {
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(usable(tokenHash, now));
  return row ?? null;
}

/**
 * Uses the link, if it is still live: a conditional update, so of two uses at once only one
 * gets the user back (the other waits for the row and then finds it used).
 */
export async function useResetToken(
  db: DbOrTx,
  { tokenHash, now }: { tokenHash: string; now: Date },
): Promise<{ userId: string } | null> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(usable(tokenHash, now))
    .returning({ userId: passwordResetTokens.userId });
  return row ?? null;
}

/** Ends every other live link of the user (the password they were for has changed). */
export async function spendResetTokens(db: DbOrTx, { userId, now }: { userId: string; now: Date }): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}
