import { and, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { walletEntries, type WalletEntry } from "@/db/schema";

export type NewWalletEntry = typeof walletEntries.$inferInsert;

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

/** The status of each of these wallet lines the business already has (lines not stored yet are absent). */
export async function walletEntryStatuses(
  db: DbOrTx,
  { businessId, ids }: { businessId: string; ids: string[] },
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: walletEntries.id, status: walletEntries.status })
    .from(walletEntries)
    .where(and(eq(walletEntries.businessId, businessId), inArray(walletEntries.id, ids)));
  return new Map(rows.map((r) => [r.id, r.status]));
}

/** Stores an entry, or moves a known one on (its status and amount change while it is pending). */
export async function saveWalletEntry(db: DbOrTx, entry: NewWalletEntry): Promise<void> {
  await db
    .insert(walletEntries)
    .values(entry)
    .onConflictDoUpdate({
      target: walletEntries.id,
      set: { status: entry.status, amount: entry.amount, syncedAt: new Date() },
    });
}
