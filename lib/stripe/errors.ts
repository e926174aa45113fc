import { fail, type ActionError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";

/**
 * The one mapper from a Stripe (or sandbox, or SDK) error to our ActionResult failure.
 *
 *   const { result, definitive } = stripeFailure(err, { amount, currency: "usd", fieldFor });
 *   return result; // { ok: false, error: { code, message, fields? } }
 *
 * - `result` carries a message we wrote; Stripe's own text is only logged here, server-side.
 * - `definitive`: Stripe refused the request, so nothing happened and the same request would be
 *   refused again. Otherwise the outcome is unknown (network, 5xx, 429, or 409 "idempotency key in
 *   use"): the caller must keep its operation pending so a retry reuses the same idempotency key.
 * - `amount` + `currency`: the operation's amount, named in the message (formatted, never minor units).
 * - `fieldFor`: maps a Stripe `param` (e.g. "to.payout_method") to the form field to show it next to.
 * - `field`: where a refusal about the amount goes when no param says (default "amount"; "_form" for forms without one).
 * - `refused` / `unavailable`: the caller's own words for a refusal with no more specific message, and for an
 *   unknown outcome (e.g. "Your business is saved, but Stripe could not be reached").
 */
export type StripeFailureContext = {
  amount?: number;
  currency?: string;
  fieldFor?: (param: string) => string | null;
  field?: string;
  refused?: string;
  unavailable?: string;
};

export type StripeFailure = { result: { ok: false; error: ActionError }; definitive: boolean };

type StripeLike = {
  type?: string;
  rawType?: string;
  code?: string;
  param?: string;
  statusCode?: number;
  message?: string;
  raw?: { type?: string; code?: string; param?: string };
};

const NOT_READY = new Set(["financial_account_not_open", "feature_not_enabled", "capability_not_enabled"]);
/** Stripe's names for the refusals we word ourselves (see `refusal`). */
const INSUFFICIENT = new Set(["insufficient_funds", "balance_insufficient"]);
const KNOWN_KINDS = new Set([
  ...INSUFFICIENT,
  ...NOT_READY,
  "amount_too_small",
  "amount_too_large",
  "invalid_payout_method",
  "account_invalid",
]);
const UNKNOWN_TYPES = new Set(["StripeConnectionError", "StripeAPIError", "StripeRateLimitError"]);

/** True when Stripe's answer is unknown (it may or may not have acted): retry with the same key. */
export function isOutcomeUnknown(err: unknown): boolean {
  const e = (err ?? {}) as StripeLike;
  const status = e.statusCode;
  if (e.type === "StripeIdempotencyError" || e.code === "idempotency_key_in_use" || status === 409) return true;
  if (UNKNOWN_TYPES.has(e.type ?? "")) return true;
  if (typeof status === "number") return status === 429 || status >= 500;
  // No HTTP status at all: the request never got an answer (or the SDK failed before sending).
  return !e.rawType && !e.raw?.type && !e.code;
}

export function stripeFailure(err: unknown, ctx: StripeFailureContext = {}): StripeFailure {
  const e = (err ?? {}) as StripeLike;
  log(e);
  if (isOutcomeUnknown(err))
    return { result: fail("stripe_unavailable", undefined, ctx.unavailable), definitive: false };
  // v2 errors name the refusal in their type; v1 errors in their code, under a generic type.
  const kind = [e.code, e.raw?.code, e.rawType, e.raw?.type].find((k) => k && KNOWN_KINDS.has(k)) ?? "";
  const param = e.param ?? e.raw?.param;
  const field = param ? (ctx.fieldFor?.(param) ?? null) : null;
  const amount = ctx.amount !== undefined && ctx.currency ? formatMoney(ctx.amount, ctx.currency) : null;
  return { result: refusal(kind, field ?? ctx.field ?? null, amount, ctx.refused), definitive: true };
}

function refusal(
  kind: string,
  field: string | null,
  amount: string | null,
  refused = "This request was refused. Check the details and try again",
): { ok: false; error: ActionError } {
  if (INSUFFICIENT.has(kind))
    return fail("insufficient_funds", {
      [field ?? "amount"]: amount
        ? `Not enough available balance to send ${amount}`
        : "Not enough available balance for this amount",
    });
  if (kind === "amount_too_small" || kind === "amount_too_large")
    return fail("validation_failed", {
      [field ?? "amount"]:
        `${amount ?? "This amount"} is ${kind === "amount_too_small" ? "below the smallest" : "above the largest"} amount allowed here`,
    });
  if (kind === "invalid_payout_method")
    return fail("validation_failed", {
      [field ?? "destinationId"]: "This destination can't receive payouts right now. Add it again or choose another",
    });
  if (NOT_READY.has(kind))
    return fail("forbidden", undefined, "This account can't move money yet. Finish verification first");
  if (kind === "account_invalid")
    return fail("stripe_unavailable", undefined, "There is no open financial account to send from");
  if (field === "_form") return fail("validation_failed", { _form: refused });
  if (field) return fail("validation_failed", { [field]: "This value wasn't accepted. Check it and try again" });
  return fail("validation_failed", undefined, refused);
}

/** Stripe's own words stay in the server log. */
function log(e: StripeLike): void {
  console.error("Stripe request failed:", e.type ?? "", e.statusCode ?? "", e.rawType ?? e.code ?? "", e.message ?? e);
}
