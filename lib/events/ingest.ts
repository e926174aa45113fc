import type Stripe from "stripe";
import type { Db, DbOrTx } from "@/db/connect";
import { insertEvent, isEventStored, type EventRow } from "@/db/queries/events";
import { mailAfterCommit } from "@/lib/mail/send";

/**
 * What the three receivers (real-time authorizations, snapshot events, thin events) share: the
 * signature check against the receiver's own secret, and storing an event once with its effect.
 */
export type ReceiverDeps = { db: Db; stripe: Stripe; secret: string; now?: () => Date };
export type WebhookResult = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

export const MAX_BODY_BYTES = 1024 * 1024;

export const reply = (
  status: number,
  body: Record<string, unknown>,
  headers?: Record<string, string>,
): WebhookResult => ({ status, body, headers });

type Peek = { object?: unknown; type?: unknown };

/**
 * What every receiver checks before anything else: a signature header, a JSON object, and the
 * signature made with this receiver's own secret (and recent: the SDK's 300 s), checked by the SDK.
 * The body is parsed once here; the real-time path reads it without a second pass.
 */
export function verifiedDelivery(
  deps: { stripe: Stripe; secret: string },
  rawBody: string,
  signature: string | null,
): { peek: Peek; signature: string } | { refused: WebhookResult } {
  if (!signature) return { refused: reply(400, { error: "Missing Stripe-Signature header" }) };
  let peek: Peek | null;
  try {
    peek = JSON.parse(rawBody) as Peek | null;
  } catch {
    return { refused: reply(400, { error: "Body is not JSON" }) };
  }
  if (!peek || typeof peek !== "object") return { refused: reply(400, { error: "Body is not a JSON object" }) };
  if (!signedWith(deps.stripe, rawBody, signature, deps.secret))
    return { refused: reply(400, { error: "Invalid signature" }) };
  return { peek, signature };
}

function signedWith(stripe: Stripe, rawBody: string, signature: string, secret: string): boolean {
  try {
    return stripe.webhooks.signature?.verifyHeader(rawBody, signature, secret) === true;
  } catch {
    return false;
  }
}

/** A correctly signed delivery meant for another receiver (a destination pointed at the wrong route). */
export const wrongReceiver = (expected: string) => reply(400, { error: `This endpoint receives ${expected} only` });

function isDatabaseError(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown; message?: unknown };
  // Postgres SQLSTATE codes, connection errors from postgres.js, PGlite closed/aborted.
  return (
    typeof e?.code === "string" ||
    /connect|ECONN|terminat|closed|timeout|database/i.test(String(e?.message ?? "")) ||
    e?.name === "PostgresError"
  );
}

/**
 * Stores one verified event once (unique event id) and applies it in the same transaction.
 * `fetch` reads what the event needs from Stripe first, outside the transaction, and only for an
 * event not stored yet. 2xx only once the event is stored; a database failure (or a Stripe read a
 * retry could fix) answers 503 so Stripe delivers it again. An event whose apply fails for
 * another reason (a bug, an unexpected shape) is kept with its error, visible in the event log,
 * rather than retried forever. The alerts' emails are written to the outbox in the transaction
 * and delivered after it commits, so a rolled-back event sends none.
 */
export async function storeOnce<T>(
  db: Db,
  row: EventRow,
  fetch: () => Promise<T>,
  apply: (tx: DbOrTx, fetched: T) => Promise<void>,
): Promise<WebhookResult> {
  try {
    if (await isEventStored(db, { eventId: row.id })) return reply(200, { received: true, duplicate: true });
    const fetched = await fetch();
    try {
      const inserted = await mailAfterCommit(db, async (tx) => {
        if (!(await insertEvent(tx, row))) return false;
        await apply(tx, fetched);
        return true;
      });
      return reply(200, { received: true, ...(inserted ? {} : { duplicate: true }) });
    } catch (err) {
      if (isDatabaseError(err)) throw err;
      console.error(`could not apply ${row.type} ${row.id}`, err);
      await insertEvent(db, {
        ...row,
        appliedAt: null,
        error: String(err instanceof Error ? err.message : err).slice(0, 500),
      });
      return reply(200, { received: true, applied: false });
    }
  } catch (err) {
    console.error("webhook not stored; asking Stripe to retry", err);
    return reply(503, { error: "Temporarily unavailable; retry later" });
  }
}
