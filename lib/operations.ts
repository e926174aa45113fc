import "server-only";
import type { DbOrTx } from "@/db/connect";
import {
  failOperation,
  findOperationByToken,
  getOperation,
  insertOperation,
  recordOperationAnswer,
  type NewOperation,
} from "@/db/queries/operations";
import type { OperationRow } from "@/db/schema";
import { fail, ok, type ActionError, type ActionResult } from "@/lib/errors";
import { stripeFailure, type StripeFailure, type StripeFailureContext } from "@/lib/stripe/errors";

/**
 * Money moves once. Every Stripe call that must happen once per form submission goes through here:
 *
 * 1. `claimOperation` writes the row for (kind, form token) before anything is sent. A second submit
 *    of the same form gets the same row back, after waiting briefly for a concurrent submit to settle.
 * 2. `callStripeOnce` calls Stripe with `idempotencyKeyFor(row)`: derived from the row id, never from
 *    the client, so a retry of a pending row can't make a second object at Stripe.
 * 3. The outcome: a success is recorded (`recordSuccess`); a definitive refusal fails the row; an
 *    unknown outcome (network, 5xx, 409) leaves it pending, so a retry reuses the key and gets
 *    Stripe's replay.
 *
 * After a refusal the row is kept as "failed" (a record of what was tried and why it was refused)
 * and its form token is released: nothing moved, so the corrected form, sent with the same token,
 * starts a new row with a new key. Deleting the row instead would lose that record; keeping the
 * token would force the user to reload a form they only needed to correct.
 */
export type OperationClaim = NewOperation;
export type Claimed = { op: OperationRow; fresh: boolean };
type Failure = { ok: false; error: ActionError };

/** The one answer to a form token that is another business's, or was sent for another amount. */
export const FORM_ALREADY_USED: Failure = fail(
  "not_found",
  undefined,
  "This form was already used. Reload the page and try again",
);

/**
 * For the cores that answer a failure by throwing (the treasury ones, whose callers catch): our
 * failure, with our message, instead of a result.
 */
export class OperationFailed extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.message);
    this.name = "OperationFailed";
  }
}

export const idempotencyKeyFor = (op: OperationRow): string => `op-${op.id}`;

/** Stripe has answered (or we gave up): a row no other request is still working on. */
const settled = (op: OperationRow) => op.status !== "pending" || op.stripeObjectId !== null;

export async function claimOperation(
  db: DbOrTx,
  claim: OperationClaim,
  waitMs = 5_000,
): Promise<ActionResult<Claimed>> {
  // Two tries: a row refused between our insert and our read has just released its token.
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await insertOperation(db, claim);
    if (inserted) return ok({ op: inserted, fresh: true });
    const existing = await findOperationByToken(db, claim.kind, claim.clientToken);
    if (!existing) continue;
    if (existing.businessId !== claim.businessId) return FORM_ALREADY_USED;
    if (claim.amount !== undefined && existing.amount !== claim.amount) return FORM_ALREADY_USED;
    const op = await settledOperation(db, existing, waitMs);
    if (op.status === "failed") return storedFailure(op);
    return ok({ op, fresh: false });
  }
  throw new Error(`operation ${claim.kind} ${claim.clientToken} neither inserted nor found`);
}

/**
 * Waits for a concurrent submit of the same form to get Stripe's answer. A row untouched for longer
 * than the wait has no request working on it (its answer was lost): the caller retries it at once.
 */
async function settledOperation(db: DbOrTx, op: OperationRow, waitMs: number): Promise<OperationRow> {
  const deadline = Date.now() + waitMs;
  let current = op;
  if (Date.now() - current.updatedAt.getTime() > waitMs) return current;
  while (!settled(current) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    current = (await getOperation(db, op.id)) ?? current;
  }
  return current;
}

export type StripeCallResult<T> = { ok: true; value: T } | (StripeFailure & { ok: false; cause: unknown });

/**
 * Calls Stripe for `op` with its idempotency key. A definitive refusal fails the row (with the
 * message shown to the user, for a concurrent submit to repeat); an unknown outcome leaves it pending.
 * Amounts in messages are the operation's own, in its currency.
 */
export async function callStripeOnce<T>(
  db: DbOrTx,
  op: OperationRow,
  call: (idempotencyKey: string) => Promise<T>,
  ctx: Omit<StripeFailureContext, "amount" | "currency"> = {},
): Promise<StripeCallResult<T>> {
  try {
    return { ok: true, value: await call(idempotencyKeyFor(op)) };
  } catch (err) {
    const failure = stripeFailure(err, { ...ctx, amount: op.amount ?? undefined, currency: op.currency ?? undefined });
    if (failure.definitive) await refuseOperation(db, op, failure.result);
    return { ok: false, ...failure, cause: err };
  }
}

/** Fails the operation before or after calling Stripe, and releases its form token (see above). */
export async function refuseOperation(db: DbOrTx, op: OperationRow, failure: Failure): Promise<void> {
  await failOperation(db, op.id, { message: failure.error.message, result: { failure: failure.error } });
}

/** Records Stripe's answer. `pending` keeps an operation open that completes later (a bank link's verification). */
export async function recordSuccess(
  db: DbOrTx,
  op: OperationRow,
  answer: { stripeObjectId: string; result: Record<string, unknown> },
  status: "pending" | "succeeded" = "succeeded",
): Promise<void> {
  await recordOperationAnswer(db, op.id, { ...answer, status });
}

function storedFailure(op: OperationRow): Failure {
  const stored = op.result?.failure as ActionError | undefined;
  if (stored?.code && stored.message) return { ok: false, error: stored };
  return fail("validation_failed", undefined, op.error ?? "This was not sent. Check the form and send it again");
}
