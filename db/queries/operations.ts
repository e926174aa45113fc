import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { businesses, operations, type OperationRow } from "@/db/schema";

export type NewOperation = {
  kind: string;
  clientToken: string;
  businessId: string;
  createdBy: string;
  amount?: number;
  currency?: string;
  request: Record<string, unknown>;
};

/** Inserts the row for (kind, client token) unless one exists: undefined when it does. */
export async function insertOperation(db: DbOrTx, o: NewOperation): Promise<OperationRow | undefined> {
  const [inserted] = await db
    .insert(operations)
    .values({
      kind: o.kind,
      clientToken: o.clientToken,
      businessId: o.businessId,
      createdBy: o.createdBy,
      amount: o.amount ?? null,
      currency: o.currency ?? null,
      request: o.request,
    })
    .onConflictDoNothing()
    .returning();
  return inserted;
}

/** Any business's row for this form token: the caller decides what another business's row means. */
export async function findOperationByToken(
  db: DbOrTx,
  kind: string,
  clientToken: string,
): Promise<OperationRow | undefined> {
  const [row] = await db
    .select()
    .from(operations)
    .where(and(eq(operations.kind, kind), eq(operations.clientToken, clientToken)))
    .limit(1);
  return row;
}

/** The business's operation of this kind (another business's looks missing), optionally only in one status. */
export async function findBusinessOperation(
  db: DbOrTx,
  q: { businessId: string; kind: string; id: string; status?: OperationRow["status"] },
): Promise<OperationRow | undefined> {
  const conditions = [eq(operations.id, q.id), eq(operations.businessId, q.businessId), eq(operations.kind, q.kind)];
  if (q.status) conditions.push(eq(operations.status, q.status));
  const [row] = await db
    .select()
    .from(operations)
    .where(and(...conditions))
    .limit(1);
  return row;
}

/** The business's operations of one kind, newest first (all of them unless `limit`). */
export function listBusinessOperations(
  db: DbOrTx,
  q: { businessId: string; kind: string; limit?: number },
): Promise<OperationRow[]> {
  const query = db
    .select()
    .from(operations)
    .where(and(eq(operations.businessId, q.businessId), eq(operations.kind, q.kind)))
    .orderBy(desc(operations.createdAt))
    .$dynamic();
  return q.limit === undefined ? query : query.limit(q.limit);
}

export async function getOperation(db: DbOrTx, id: string): Promise<OperationRow | undefined> {
  const [row] = await db.select().from(operations).where(eq(operations.id, id)).limit(1);
  return row;
}

/** Records what Stripe answered; `status` stays "pending" for operations that finish later (a bank link). */
export async function recordOperationAnswer(
  db: DbOrTx,
  id: string,
  answer: { status: "pending" | "succeeded"; stripeObjectId: string; result: Record<string, unknown> },
): Promise<void> {
  await db
    .update(operations)
    .set({ ...answer, error: null, updatedAt: new Date() })
    .where(eq(operations.id, id));
}

/** Replaces the stored Stripe object (a payout's timeline moving on), leaving the status as it is. */
export async function setOperationResult(
  db: DbOrTx,
  { id, result }: { id: string; result: Record<string, unknown> },
): Promise<void> {
  await db.update(operations).set({ result, updatedAt: new Date() }).where(eq(operations.id, id));
}

/**
 * Marks a refused operation failed and frees its form token (the row keeps it with a suffix), so the
 * corrected form, sent with the same token, gets a new row and so a new idempotency key.
 */
export async function failOperation(
  db: DbOrTx,
  id: string,
  failure: { message: string; result: Record<string, unknown> },
): Promise<void> {
  await db
    .update(operations)
    .set({
      status: "failed",
      error: failure.message,
      result: failure.result,
      clientToken: sql`${operations.clientToken} || ':refused:' || ${operations.id}`,
      updatedAt: new Date(),
    })
    .where(eq(operations.id, id));
}

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
