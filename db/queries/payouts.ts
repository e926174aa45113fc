import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { operations, payouts, type OperationRow } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";
import { findBusinessOperation } from "./operations";

// A business's payout is the operation row of one USDC transfer (every query of those filters on
// the business, so another business's payout looks missing); the `payouts` read model mirrors
// Stripe's outbound payments and transfers of every account.

/** The `operations.kind` of a payout. */
export const PAYOUT_KIND = "payout";

export function findPayout(db: DbOrTx, q: { businessId: string; id: string }): Promise<OperationRow | undefined> {
  return findBusinessOperation(db, { ...q, kind: PAYOUT_KIND });
}

/** Payouts that reached Stripe (or may have: pending), newest first. Refused ones never became payouts. */
export async function listPayouts(
  db: DbOrTx,
  q: { businessId: string; limit: number; offset: number },
): Promise<OperationRow[]> {
  return db
    .select()
    .from(operations)
    .where(
      and(
        eq(operations.businessId, q.businessId),
        eq(operations.kind, PAYOUT_KIND),
        inArray(operations.status, ["pending", "succeeded"]),
      ),
    )
    .orderBy(desc(operations.createdAt), desc(operations.id))
    .limit(q.limit)
    .offset(q.offset);
}

/** The read model's row of an outbound payment or transfer (v1 treasury or v2), from its webhooks. */
export async function upsertPayout(db: DbOrTx, row: typeof payouts.$inferInsert): Promise<void> {
  await upsertNewer(db, payouts, row);
}
