import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { approvalsSince, decisionForEvent, insertDecision } from "@/db/queries/authorization-decisions";
import { eventRow, insertEvent } from "@/db/queries/events";
import type { AuthorizationDecisionRow } from "@/db/schema";
import { decide, needsVelocity, type AuthorizationRequest, type Decision } from "./engine";
import type { RulesCache, RulesForAccount } from "./rules-store";

export type RtaAnswer = {
  approved: boolean;
  decision: Pick<AuthorizationDecisionRow, "decidedBy" | "rule" | "reason" | "latencyMs">;
};

const HOUR_MS = 60 * 60 * 1000;

export function requestFromAuthorization(auth: Stripe.Issuing.Authorization): AuthorizationRequest {
  return {
    amount: auth.pending_request?.amount ?? auth.amount,
    currency: auth.pending_request?.currency ?? auth.currency,
    merchantCategory: auth.merchant_data?.category ?? null,
    merchantCountry: auth.merchant_data?.country ?? null,
  };
}

function approvalsLastHour(db: DbOrTx, cardId: string, now: Date): Promise<number> {
  return approvalsSince(db, { cardId, since: new Date(now.getTime() - HOUR_MS) });
}

function withBudget<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no decision within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Answers an `issuing_authorization.request`: platform rules, then the business's. The answer and
 * its reason are logged with the event; a redelivered event gets the answer it got the first time
 * (found through the log's unique event id, so the common path reads nothing before deciding).
 * If the engine fails or runs past its budget, the configured fallback is answered (and logged).
 */
export async function answerAuthorizationRequest(
  db: DbOrTx,
  cache: RulesCache,
  event: Stripe.Event,
  opts: { now?: Date } = {},
): Promise<RtaAnswer> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const auth = event.data.object as Stripe.Issuing.Authorization;
  const cardId = typeof auth.card === "string" ? auth.card : auth.card.id;
  const req = requestFromAuthorization(auth);

  const loaded: { rules: RulesForAccount | null } = { rules: null };
  let decision: Decision | { approved: boolean; decidedBy: "fallback"; rule: null; reason: string };
  try {
    decision = await withBudget(
      (async () => {
        const rules = await cache.forAccount(db, event.account ?? null);
        loaded.rules = rules;
        const velocity = needsVelocity(rules.platform, rules.business) ? await approvalsLastHour(db, cardId, now) : 0;
        return decide(req, rules.platform, rules.business, velocity);
      })(),
      cache.lastSettings.budgetMs,
    );
  } catch (err) {
    const settings = loaded.rules?.settings ?? cache.lastSettings;
    const why = err instanceof Error ? err.message : String(err);
    decision = {
      approved: settings.fallback === "approve",
      decidedBy: "fallback",
      rule: null,
      reason: `Fallback (${settings.fallback}): ${why}`,
    };
  }
  const latencyMs = Math.round(performance.now() - started);
  const row = {
    eventId: event.id,
    authorizationId: auth.id,
    accountId: event.account ?? null,
    businessId: loaded.rules?.businessId ?? null,
    cardId,
    amount: req.amount,
    currency: req.currency,
    merchantCategory: req.merchantCategory,
    merchantCountry: req.merchantCountry,
    approved: decision.approved,
    decidedBy: decision.decidedBy,
    rule: decision.rule,
    reason: decision.reason,
    latencyMs,
    input: {
      merchant_name: auth.merchant_data?.name ?? null,
      card_last4: typeof auth.card === "string" ? null : auth.card.last4,
    },
    createdAt: now,
  };
  try {
    // One transaction: the request is never in the event log without its decision (a connection
    // lost between the two inserts leaves neither).
    const previous = await db.transaction(async (tx) => {
      await insertEvent(tx, eventRow(event, now));
      if (await insertDecision(tx, row)) return null;
      // A redelivery of a request we already answered: give the same answer as the first time.
      return (await decisionForEvent(tx, { eventId: event.id })) ?? null;
    });
    if (previous) return { approved: previous.approved, decision: previous };
  } catch (err) {
    // The answer matters more than the log: Stripe is waiting. Report and answer anyway.
    console.error("could not log authorization decision", err);
  }
  return {
    approved: decision.approved,
    decision: { decidedBy: decision.decidedBy, rule: decision.rule, reason: decision.reason, latencyMs },
  };
}
