import { and, eq, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { connectedAccounts } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

export type ConnectedAccountRow = typeof connectedAccounts.$inferInsert;

/**
 * Accounts opened through v2 (the stablecoin ones) are kept in their v2 view, from thin events;
 * Stripe also sends v1 `account.updated`/`capability.updated` about them, which must not replace
 * that view (else whichever delivery happened to arrive last would decide).
 */
const isV1Row = sql`${connectedAccounts.api} = 'v1'`;

/** Stores the account's newest view; a v1 view never replaces a v2 one. */
export async function upsertConnectedAccount(db: DbOrTx, row: ConnectedAccountRow): Promise<void> {
  await upsertNewer(db, connectedAccounts, row, row.api === "v1" ? isV1Row : undefined);
}

/** A capability changed: patch that one status if the stored account is not newer (and is kept in its v1 view). */
export async function patchCapability(
  db: DbOrTx,
  {
    accountId,
    capability,
    status,
    sourceAt,
  }: { accountId: string; capability: string; status: string; sourceAt: Date },
): Promise<void> {
  await db
    .update(connectedAccounts)
    .set({
      capabilities: sql`${connectedAccounts.capabilities} || ${JSON.stringify({ [capability]: status })}::jsonb`,
      sourceAt,
    })
    .where(and(eq(connectedAccounts.id, accountId), lte(connectedAccounts.sourceAt, sourceAt), isV1Row));
}
