import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { issuingTokens } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

export type IssuingTokenRow = typeof issuingTokens.$inferSelect;

export async function upsertIssuingToken(db: DbOrTx, row: typeof issuingTokens.$inferInsert): Promise<void> {
  await upsertNewer(db, issuingTokens, row);
}

/** One card's digital-wallet tokens, newest first (the filter is the account: another's card has none). */
export async function listCardTokens(
  db: DbOrTx,
  { accountId, cardId, limit = 50 }: { accountId: string; cardId: string; limit?: number },
): Promise<IssuingTokenRow[]> {
  return db
    .select()
    .from(issuingTokens)
    .where(and(eq(issuingTokens.accountId, accountId), eq(issuingTokens.cardId, cardId)))
    .orderBy(desc(issuingTokens.objectCreatedAt))
    .limit(limit);
}

/** One token of the account's, or null (another account's token looks missing). */
export async function getIssuingToken(
  db: DbOrTx,
  { accountId, tokenId }: { accountId: string; tokenId: string },
): Promise<IssuingTokenRow | null> {
  const [row] = await db
    .select()
    .from(issuingTokens)
    .where(and(eq(issuingTokens.accountId, accountId), eq(issuingTokens.id, tokenId)))
    .limit(1);
  return row ?? null;
}
