import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import { defer } from "../../wire/deferred";
import { PLATFORM_DEFAULT_API_VERSION } from "../../contract/versions";
import { LedgerError } from "../../ledger/ledger";
import { digits, isExpired, saveCard } from "./card-model";
import { issuingActive, TABLES, type CardRow } from "./common";
import { availableCash, holdForAuth, inFunding } from "./funding";
import { countSpend, renderAuth, saveAuth, type Auth, type AuthExtra, type AuthRow } from "./auth-model";
import { callRta, interpret, rtaTarget, type RtaOutcome } from "./rta";
import { merchantAllowed, type Limit } from "./spending-controls";
import { withinLimits } from "./spend";

/**
 * Stripe's authorization decision, for new authorizations and increments:
 * account → card → cardholder → verification → funds → spending controls (a failure declines at
 * once, no real-time request), then the real-time endpoint if there is one. The RTA call is the
 * only async step: the handler defers, and on resume re-runs every check and takes the hold in
 * the same synchronous change set, so two authorizations racing for the last dollars (or the
 * last of a limit) can never both be approved.
 */
export type PendingRequest = {
  amount: number;
  merchant_amount: number;
  merchant_currency: string;
  is_amount_controllable: boolean;
  amount_details: Auth["amount_details"];
};
/** A USDC-funded card can never authorize more than 10,000.00 USD at once, whatever its controls say. */
export const USDC_CEILING = 1_000_000;

/** Why the request must be declined before asking anyone, or null. */
export function precheck(ctx: Ctx, card: CardRow, holderId: string, a: Auth, amount: number): string | null {
  if (!issuingActive(ctx)) return "account_disabled";
  const c = card.data;
  if (c.status === "canceled") return "card_canceled";
  if (c.status !== "active") return "card_inactive";
  if (isExpired(c, ctx.nowMs)) return "card_expired";
  const holder = ctx.tx.get<Stripe.Issuing.Cardholder>(TABLES.cardholders, holderId)?.data;
  if (!holder || holder.status === "inactive") return "cardholder_inactive";
  if (holder.status === "blocked") return "cardholder_blocked";
  if (holder.requirements.disabled_reason) return "cardholder_verification_required";
  const v = a.verification_data;
  if (v.cvc_check === "mismatch" || v.expiry_check === "mismatch") return "verification_failed";
  if (availableCash(ctx, card.extra.funding) < inFunding(ctx, card.extra.funding, amount)) return "insufficient_funds";
  const m = a.merchant_data;
  const presence = a.authorization_method === "online" ? "not_present" : "present";
  if (!merchantAllowed(c.spending_controls, m.category, m.country, presence)) return "spending_controls";
  if (
    !merchantAllowed(
      holder.spending_controls as unknown as Stripe.Issuing.Card.SpendingControls,
      m.category,
      m.country,
      presence,
    )
  )
    return "spending_controls";
  if (card.extra.funding.kind === "financial_account_v2" && amount > USDC_CEILING) return "spending_controls";
  const limits = [
    ...(c.spending_controls.spending_limits ?? []).map((limit: Limit) => ({ subject: c.id, limit })),
    ...(holder.spending_controls?.spending_limits ?? []).map((limit) => ({
      subject: holder.id,
      limit: limit as unknown as Limit,
    })),
  ];
  if (!withinLimits(ctx, limits, amount, m.category, ctx.nowMs)) return "spending_controls";
  return null;
}

type Input = { auth: Auth; extra: AuthExtra; before: AuthRow | null; req: PendingRequest };

/** Writes the decision: the hold (when approved and still affordable), request_history, spend, events. */
function apply(ctx: Ctx, input: Input, outcome: RtaOutcome): Auth {
  const a = structuredClone(input.auth);
  const extra = structuredClone(input.extra);
  let { approved, reason } = outcome;
  if (approved) {
    try {
      holdForAuth(ctx, extra.funding, a.id, outcome.amount, extra.money);
    } catch (err) {
      if (!(err instanceof LedgerError) || err.code !== "insufficient_funds") throw err;
      approved = false;
      reason = "insufficient_funds";
    }
  }
  const req = input.req;
  a.request_history = [
    ...a.request_history,
    {
      amount: req.amount,
      amount_details: req.amount_details,
      approved,
      authorization_code: approved ? `S${digits(ctx, 6)}` : null,
      created: ctx.now,
      currency: a.currency,
      merchant_amount: req.merchant_amount,
      merchant_currency: req.merchant_currency,
      network_risk_score: null,
      reason: reason as Stripe.Issuing.Authorization.RequestHistory.Reason,
      reason_message: reason === "webhook_error" ? outcome.reason_message : null,
      requested_at: ctx.now,
    } as Stripe.Issuing.Authorization.RequestHistory,
  ];
  if (outcome.metadata) a.metadata = { ...a.metadata, ...outcome.metadata };
  a.pending_request = null;
  if (approved) {
    extra.held += outcome.amount;
    countSpend(ctx, a, extra, outcome.amount);
    if (!input.before && outcome.amount > 0) countPayment(ctx, a);
  }
  if (!input.before) {
    a.approved = approved;
    a.status = approved ? "pending" : "closed";
    a.amount = approved ? outcome.amount : req.amount;
    a.merchant_amount = approved && outcome.amount !== req.amount ? outcome.amount : req.merchant_amount;
  } else if (approved) {
    a.amount += outcome.amount;
    a.merchant_amount += outcome.amount;
  }
  return saveAuth(ctx, input.before, a, extra);
}

/** A card with `lifecycle_controls.cancel_after` is canceled once it has made that many payments. */
function countPayment(ctx: Ctx, a: Auth): void {
  const row = ctx.tx.get<Stripe.Issuing.Card>(TABLES.cards, a.card as unknown as string) as CardRow | undefined;
  const limit = row?.data.lifecycle_controls?.cancel_after.payment_count;
  if (!row || !limit) return;
  const payments = (row.extra.payments ?? 0) + 1;
  const done = payments >= limit && row.data.status !== "canceled";
  const next = done ? { ...row.data, status: "canceled" as const } : row.data;
  saveCard(ctx, row, next, { ...row.extra, payments });
}

/** Runs the decision for a new authorization (`before` null) or an increment; may defer on the RTA call. */
export function decide(ctx: Ctx, card: CardRow, input: Input): unknown {
  const reason = precheck(ctx, card, input.extra.holder, input.auth, input.req.amount);
  const none = { reason_message: null, metadata: null };
  if (reason) return apply(ctx, input, { approved: false, amount: input.req.amount, reason, ...none });
  const target = rtaTarget(ctx.kernel);
  if (!target) return apply(ctx, input, { approved: true, amount: input.req.amount, reason: "card_active", ...none });
  // The request event shows the authorization mid-decision: amount 0 for a new one, `pending_request` set (Stripe's fixture).
  const pending = {
    ...renderAuth(ctx, { data: input.auth }),
    ...(input.before ? {} : { amount: 0, merchant_amount: 0 }),
    pending_request: { ...input.req, currency: input.auth.currency, network_risk_score: null },
  };
  const event = {
    id: ctx.id("evt"),
    object: "event",
    ...(ctx.isConnected ? { account: ctx.account } : {}),
    api_version: PLATFORM_DEFAULT_API_VERSION,
    created: ctx.now,
    data: { object: pending },
    livemode: false,
    pending_webhooks: 0,
    request: { id: ctx.request.id, idempotency_key: ctx.request.idempotency_key },
    type: "issuing_authorization.request",
  };
  const payload = JSON.stringify(event, null, 2);
  return defer(
    () => callRta(target, payload, ctx.kernel.config.rtaTimeoutMs),
    (after, answer) => {
      after.tx.put("events", event.id, { owner: ctx.account, data: event });
      // Everything may have moved while we waited: reload, re-check, then hold in this same change set.
      const fresh = after.tx.get(TABLES.cards, card.data.id) as CardRow;
      const current = input.before ? (after.tx.get(TABLES.auths, input.auth.id) as AuthRow) : null;
      const next: Input = current ? { ...input, before: current, auth: current.data, extra: current.extra } : input;
      if (current && current.data.status !== "pending")
        return apply(after, next, { approved: false, amount: input.req.amount, reason: "not_allowed", ...none });
      let outcome = interpret(after.kernel, answer, input.req.amount, input.req.is_amount_controllable);
      const recheck = outcome.approved ? precheck(after, fresh, input.extra.holder, next.auth, outcome.amount) : null;
      if (recheck) outcome = { ...outcome, approved: false, reason: recheck };
      return apply(after, next, outcome);
    },
  );
}
