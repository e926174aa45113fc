import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { operations, type OperationRow } from "@/db/schema";
import { findOperationByToken } from "./queries";

export type Claim = {
  kind: string;
  clientToken: string;
  businessId: string;
  userId: string;
  amount?: number;
  currency?: string;
  request: Record<string, unknown>;
};

/**
 * Records the intent to act once per form (kind + client token). A second submit of the same
 * form gets the first row back, so its Stripe call reuses the same idempotency key. A token
 * that belongs to another business looks missing (null).
 */
export async function claimOperation(db: DbOrTx, c: Claim): Promise<{ op: OperationRow; fresh: boolean } | null> {
  const [inserted] = await db
    .insert(operations)
    .values({
      kind: c.kind,
      clientToken: c.clientToken,
      businessId: c.businessId,
      createdBy: c.userId,
      amount: c.amount ?? null,
      currency: c.currency ?? null,
      request: c.request,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { op: inserted, fresh: true };
  const existing = await findOperationByToken(db, c.kind, c.clientToken);
  if (!existing || existing.businessId !== c.businessId) return null;
  return { op: existing, fresh: false };
}

/** The Stripe idempotency key for an operation: derived from the row, never from the client. */
export const idempotencyKeyFor = (op: OperationRow) => `ic-op-${op.id}`;

/**
 * Forgets an attempt that Stripe refused (or that we refused before calling it), so the same form
 * can be corrected and sent again; its next attempt gets a new row and so a new idempotency key.
 */
export async function abandonOperation(db: DbOrTx, id: string): Promise<void> {
  await db.delete(operations).where(eq(operations.id, id));
}

/** Waits briefly for another request working on the same operation to finish it. */
export async function settledOperation(
  db: DbOrTx,
  op: OperationRow,
  waitMs = 5_000,
): Promise<OperationRow | undefined> {
  const deadline = Date.now() + waitMs;
  let current: OperationRow | undefined = op;
  while (current?.status === "pending" && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    [current] = await db.select().from(operations).where(eq(operations.id, op.id)).limit(1);
  }
  return current;
}

export async function finishOperation(
  db: DbOrTx,
  id: string,
  patch: { status: "succeeded" | "failed"; stripeObjectId?: string; result?: Record<string, unknown>; error?: string },
): Promise<void> {
  await db
    .update(operations)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(operations.id, id));
}
