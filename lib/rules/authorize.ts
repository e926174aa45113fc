import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { decisionLogFor, type DecisionTicket, type LogOutcome } from "./decision-log";
import { decide, needsVelocity, type AuthorizationRequest } from "./engine";
import type { RulesCache, RulesForAccount } from "./rules-store";

/** The answer given, and the decision as the log holds it. */
export type RtaAnswer = LogOutcome;

export function requestFromAuthorization(auth: Stripe.Issuing.Authorization): AuthorizationRequest {
  return {
    amount: auth.pending_request?.amount ?? auth.amount,
    currency: auth.pending_request?.currency ?? auth.currency,
    merchantCategory: auth.merchant_data?.category ?? null,
    merchantCountry: auth.merchant_data?.country ?? null,
  };
}

class DeadlinePassed extends Error {}

/** Rejects once `deadline` (a performance.now() time) passes, so nothing can hold an answer past its budget. */
function beforeDeadline<T>(work: Promise<T>, deadline: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed(what)), Math.max(0, deadline - performance.now()));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// Stripe waits 2 s for an answer. After the budget, a fallback's own log write may take this much
// more before the answer leaves anyway (a stalled database must not hold the answer).
const STRIPE_WINDOW_MS = 2000;
const MAX_FALLBACK_LOG_WAIT_MS = 300;

/**
 * Answers an `issuing_authorization.request`: platform rules, then the business's, from memory
 * (RulesCache); the decision is made and logged with the event in the decision log's next batch,
 * and answered once that batch commits. A redelivered event gets the answer it got the first time
 * (found through the log's unique event id, so the common path reads nothing before deciding).
 * If the rules or the log are not ready within the budget, the configured fallback is answered
 * (and logged as such, as soon as the database takes it).
 */
export async function answerAuthorizationRequest(
  db: DbOrTx,
  cache: RulesCache,
  event: Stripe.Event,
  opts: { now?: Date } = {},
): Promise<RtaAnswer> {
  const startedAt = performance.now();
  const now = opts.now ?? new Date();
  const auth = event.data.object as Stripe.Issuing.Authorization;
  const cardId = typeof auth.card === "string" ? auth.card : auth.card.id;
  const req = requestFromAuthorization(auth);
  const log = decisionLogFor(db);
  const budgetMs = cache.lastSettings.budgetMs;
  const deadline = startedAt + budgetMs;

  let rules: RulesForAccount | null = null;
  let ticket: DecisionTicket | null = null;
  const row = () => ({
    eventId: event.id,
    authorizationId: auth.id,
    accountId: event.account ?? null,
    businessId: rules?.businessId ?? null,
    cardId,
    amount: req.amount,
    currency: req.currency,
    merchantCategory: req.merchantCategory,
    merchantCountry: req.merchantCountry,
    input: {
      merchant_name: auth.merchant_data?.name ?? null,
      card_last4: typeof auth.card === "string" ? null : auth.card.last4,
    },
    createdAt: now,
  });
  try {
    const loaded = await beforeDeadline(
      cache.forAccount(db, event.account ?? null),
      deadline,
      `no decision within ${budgetMs} ms`,
    );
    rules = loaded;
    ticket = log.submit({
      event,
      now,
      startedAt,
      row: row(),
      decide: (approvalsLastHour) => decide(req, loaded.platform, loaded.business, approvalsLastHour),
      velocityCard: needsVelocity(loaded.platform, loaded.business) ? cardId : null,
    });
    return await beforeDeadline(ticket.done, deadline, `no decision within ${budgetMs} ms`);
  } catch (err) {
    const settings = rules?.settings ?? cache.lastSettings;
    const why = err instanceof Error ? err.message : String(err);
    const fallback = {
      approved: settings.fallback === "approve",
      decidedBy: "fallback" as const,
      rule: null,
      reason: `Fallback (${settings.fallback}): ${why}`,
    };
    const logged = ticket
      ? log.settleAsFallback(ticket, fallback)
      : log.submit({ event, now, startedAt, row: row(), decide: null, velocityCard: null, fixed: fallback }).done;
    // The answer matters more than the log (Stripe is waiting): give the log a moment, then answer anyway.
    const wait = Math.min(MAX_FALLBACK_LOG_WAIT_MS, STRIPE_WINDOW_MS - budgetMs);
    await beforeDeadline(logged, performance.now() + Math.max(0, wait), "log").catch((logErr: unknown) => {
      if (!(logErr instanceof DeadlinePassed)) console.error("could not log authorization decision", logErr);
    });
    const latencyMs = Math.round(performance.now() - startedAt);
    return { approved: fallback.approved, decision: { ...fallback, latencyMs } };
  }
}
