import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { walletEntries, type WalletEntry } from "@/db/schema";

/** Which of a business's wallet lines to read: of one kind, created in [from, before). */
export type WalletEntriesQuery = {
  businessId: string;
  kind?: WalletEntry["kind"];
  from?: Date;
  before?: Date;
  limit: number;
  offset?: number;
};

/** The business's wallet lines, newest first. */
export function listWalletEntryRows(db: DbOrTx, q: WalletEntriesQuery): Promise<WalletEntry[]> {
  const parts: SQL[] = [eq(walletEntries.businessId, q.businessId)];
  if (q.kind) parts.push(eq(walletEntries.kind, q.kind));
  if (q.from) parts.push(gte(walletEntries.objectCreatedAt, q.from));
  if (q.before) parts.push(lt(walletEntries.objectCreatedAt, q.before));
  return db
    .select()
    .from(walletEntries)
    .where(and(...parts))
    .orderBy(desc(walletEntries.objectCreatedAt), desc(walletEntries.id))
    .limit(q.limit)
    .offset(q.offset ?? 0);
}
