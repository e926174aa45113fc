import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { operations, payoutDestinations, type Business, type OperationRow, type PayoutDestination } from "@/db/schema";

// Every query here filters on the business: another business's row looks missing.
import { DESTINATION_KIND, PAYOUT_KIND } from "./kinds";
export { DESTINATION_KIND, PAYOUT_KIND };

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

export async function findPayout(db: DbOrTx, q: { businessId: string; id: string }): Promise<OperationRow | undefined> {
  const [row] = await db
    .select()
    .from(operations)
    .where(and(eq(operations.businessId, q.businessId), eq(operations.kind, PAYOUT_KIND), eq(operations.id, q.id)))
    .limit(1);
  return row;
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

/** The business's USDC wallet, when it has one (stablecoin businesses once verified). */
export function walletOf(business: Business | undefined): { account: string; financialAccount: string } | null {
  if (!business || business.fundingModel !== "stablecoin" || !business.stripeAccountId || !business.financialAccountId)
    return null;
  return { account: business.stripeAccountId, financialAccount: business.financialAccountId };
}
