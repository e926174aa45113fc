import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { operations, type OperationRow } from "@/db/schema";

/**
 * Records "do this once" before calling Stripe. The (kind, clientToken) pair is unique, so a
 * double click, a retried request or a second tab gets the same row back, and the Stripe call
 * made with `idempotencyKeyFor(row)` happens once.
 */
export async function beginOperation(
  db: DbOrTx,
  o: {
    businessId: string;
    kind: string;
    clientToken: string;
    createdBy: string;
    amount?: number;
    currency?: string;
    request?: Record<string, unknown>;
  },
): Promise<{ row: OperationRow; fresh: boolean }> {
  const [inserted] = await db
    .insert(operations)
    .values({
      businessId: o.businessId,
      kind: o.kind,
      clientToken: o.clientToken,
      createdBy: o.createdBy,
      amount: o.amount,
      currency: o.currency,
      request: o.request ?? {},
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { row: inserted, fresh: true };
  const [existing] = await db
    .select()
    .from(operations)
    .where(and(eq(operations.kind, o.kind), eq(operations.clientToken, o.clientToken)))
    .limit(1);
  if (!existing || existing.businessId !== o.businessId) throw new Error("operation token belongs to another business");
  return { row: existing, fresh: false };
}

export function idempotencyKeyFor(row: OperationRow): string {
  return `op-${row.id}`;
}

export async function finishOperation(
  db: DbOrTx,
  id: string,
  outcome: {
    status: "succeeded" | "failed";
    stripeObjectId?: string | null;
    result?: Record<string, unknown>;
    error?: string;
  },
): Promise<void> {
  await db
    .update(operations)
    .set({
      status: outcome.status,
      stripeObjectId: outcome.stripeObjectId ?? null,
      result: outcome.result ?? null,
      error: outcome.error ?? null,
      updatedAt: new Date(),
    })
    .where(eq(operations.id, id));
}
