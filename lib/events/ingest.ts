import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import { stripeEvents } from "@/db/schema";
import { answerAuthorizationRequest, eventRow } from "@/lib/rules/authorize";
import type { RulesCache } from "@/lib/rules/rules-store";
import { accountTouched, applySnapshotEvent, financialAccountTouched, treasuryTransactionTouched, type Prefetched } from "./apply";
import { applyThinEvent, fetchThinObject } from "./apply-v2";

export type WebhookDeps = { db: Db; stripe: Stripe; secret: string; rules: RulesCache; now?: () => Date };
export type WebhookResult = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

const reply = (status: number, body: Record<string, unknown>, headers?: Record<string, string>): WebhookResult => ({ status, body, headers });

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
 * A related object we'd like to refresh alongside the event. Stripe refusing it (say, a v2
 * financial account asked for through the v1 Treasury API) must not block the event itself;
 * only a failure a retry could fix (network, 5xx) is passed on, so the delivery is retried.
 */
async function optional<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (err) {
    if ((err as { type?: string }).type === "StripeInvalidRequestError" || (err as { type?: string }).type === "StripePermissionError") return undefined;
    throw err;
  }
}

async function alreadyStored(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, id)).limit(1);
  return !!row;
}

/**
 * Verifies, stores once, and applies one webhook delivery. 2xx only once the event is stored;
 * a database failure answers 503 so Stripe delivers it again.
 */
export async function handleWebhook(deps: WebhookDeps, rawBody: string, signature: string | null): Promise<WebhookResult> {
  const now = deps.now?.() ?? new Date();
  if (!signature) return reply(400, { error: "Missing Stripe-Signature header" });
  let peek: { object?: unknown };
  try {
    peek = JSON.parse(rawBody) as { object?: unknown };
  } catch {
    return reply(400, { error: "Body is not JSON" });
  }

  try {
    if (peek.object === "v2.core.event") {
      let note: Stripe.V2.Core.EventNotification;
      try {
        note = deps.stripe.parseEventNotification(rawBody, signature, deps.secret);
      } catch {
        return reply(400, { error: "Invalid signature" });
      }
      if (await alreadyStored(deps.db, note.id)) return reply(200, { received: true, duplicate: true });
      const related = await fetchThinObject(deps.stripe, note);
      const inserted = await deps.db.transaction(async (tx) => {
        const [row] = await tx.insert(stripeEvents).values(thinRow(note, rawBody, now)).onConflictDoNothing().returning({ id: stripeEvents.id });
        if (!row) return false;
        await applyThinEvent(tx, note, related);
        return true;
      });
      return reply(200, { received: true, ...(inserted ? {} : { duplicate: true }) });
    }

    let event: Stripe.Event;
    try {
      event = deps.stripe.webhooks.constructEvent(rawBody, signature, deps.secret);
    } catch {
      return reply(400, { error: "Invalid signature" });
    }

    if (event.type === "issuing_authorization.request") {
      const answer = await answerAuthorizationRequest(deps.db, deps.rules, event, { now });
      return reply(200, { approved: answer.approved }, { "Stripe-Version": event.api_version ?? "2026-10-28.endive" });
    }

    if (await alreadyStored(deps.db, event.id)) return reply(200, { received: true, duplicate: true });
    const prefetched: Prefetched = {};
    const fa = financialAccountTouched(event);
    if (fa && event.account) {
      prefetched.financialAccount = await optional(deps.stripe.treasury.financialAccounts.retrieve(fa, {}, { stripeAccount: event.account }));
    }
    const trxn = treasuryTransactionTouched(event);
    if (trxn && event.account) prefetched.transaction = await optional(deps.stripe.treasury.transactions.retrieve(trxn, {}, { stripeAccount: event.account }));
    const acct = accountTouched(event);
    // Best effort: the event's own snapshot is applied either way.
    if (acct) {
      const fresh = await deps.stripe.accounts.retrieve(acct).catch(() => undefined);
      if (fresh?.id === acct) prefetched.account = fresh;
    }
    try {
      const inserted = await deps.db.transaction(async (tx) => {
        const [row] = await tx.insert(stripeEvents).values(eventRow(event, now)).onConflictDoNothing().returning({ id: stripeEvents.id });
        if (!row) return false;
        await applySnapshotEvent(tx, event, prefetched);
        return true;
      });
      return reply(200, { received: true, ...(inserted ? {} : { duplicate: true }) });
    } catch (err) {
      if (isDatabaseError(err)) throw err;
      // A bug or an unexpected shape: keep the event (visible in the event log) rather than loop on retries.
      console.error(`could not apply ${event.type} ${event.id}`, err);
      await deps.db.insert(stripeEvents).values({ ...eventRow(event, now), appliedAt: null, error: String(err instanceof Error ? err.message : err).slice(0, 500) }).onConflictDoNothing();
      return reply(200, { received: true, applied: false });
    }
  } catch (err) {
    console.error("webhook not stored; asking Stripe to retry", err);
    return reply(503, { error: "Temporarily unavailable; retry later" });
  }
}

function thinRow(note: Stripe.V2.Core.EventNotification, rawBody: string, now: Date) {
  const n = note as unknown as { id: string; type: string; created: string; context?: unknown; related_object?: { id?: string } | null };
  return {
    id: n.id,
    type: n.type,
    kind: "thin" as const,
    account: n.context ? String(n.context) : null,
    objectId: n.related_object?.id ?? null,
    eventCreatedAt: new Date(n.created),
    payload: JSON.parse(rawBody) as Record<string, unknown>,
    receivedAt: now,
    appliedAt: now,
  };
}
