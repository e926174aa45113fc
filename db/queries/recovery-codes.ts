import { and, count, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { recoveryCodes } from "@/db/schema";

/** Replaces all of the user's recovery codes with these hashes (the caller holds a transaction). */
export async function replaceRecoveryCodes(
  db: DbOrTx,
  { userId, codeHashes }: { userId: string; codeHashes: string[] },
): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length > 0)
    await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

export async function deleteRecoveryCodes(db: DbOrTx, { userId }: { userId: string }): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Marks the code used if it is the user's and unused: true once, false ever after. */
export async function consumeRecoveryCode(
  db: DbOrTx,
  { userId, codeHash, now }: { userId: string; codeHash: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: DbOrTx, { userId }: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
