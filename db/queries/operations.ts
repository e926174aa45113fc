import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { businesses, operations, type OperationRow } from "@/db/schema";

/** Operations of one kind across every business, newest first, each with its business (the platform's view). */
export function operationsWithBusiness(db: DbOrTx, { kind, limit }: { kind: string; limit: number }) {
  return db
    .select({ op: operations, business: businesses.legalName, businessId: businesses.id })
    .from(operations)
    .leftJoin(businesses, eq(businesses.id, operations.businessId))
    .where(eq(operations.kind, kind))
    .orderBy(desc(operations.createdAt))
    .limit(limit);
}

/** The operation of this kind whose Stripe object this is (a webhook about it finds its record). */
export async function operationByStripeObject(
  db: DbOrTx,
  { kind, stripeObjectId }: { kind: string; stripeObjectId: string },
): Promise<OperationRow | undefined> {
  const [row] = await db
    .select()
    .from(operations)
    .where(and(eq(operations.kind, kind), eq(operations.stripeObjectId, stripeObjectId)))
    .limit(1);
  return row;
}
