import { randomBytes } from "node:crypto";
import type { Kernel, RuntimeConfig } from "../../kernel";
import { postSigned } from "../../events/signature";

/**
 * The real-time authorization call: a signed `issuing_authorization.request` event POSTed to
 * the RTA endpoint, which must answer 200 with a `Stripe-Version` header and
 * `{"approved": bool, "amount"?: int, "metadata"?: {…}}` within `rtaTimeoutMs` (2 s).
 * The endpoint is the one Stripe's Issuing settings hold (`rtaUrl`, signed with its own
 * `rtaSecret`); it is never a webhook endpoint or event destination, and without one the
 * sandbox decides alone.
 */
export type RtaTarget = { url: string; secret: string };
export type RtaAnswer =
  | { kind: "answer"; status: number; version: string | null; body: string }
  | { kind: "timeout" }
  | { kind: "error"; message: string };
export type RtaOutcome = {
  approved: boolean;
  amount: number;
  reason: string;
  reason_message: string | null;
  metadata: Record<string, string> | null;
};

/**
 * Sets the real-time authorization endpoint (`"off"`, `""` or null: none). Stripe generates the
 * endpoint's secret; the sandbox does too when none is given, and takes a given one so an
 * offline app can be configured with it in advance [sandbox only].
 */
export function setAuthorizationEndpoint(
  config: RuntimeConfig,
  url: string | null | undefined,
  secret?: string | null,
): void {
  const next = url && url !== "off" ? url : null;
  if (next && !/^https?:\/\//.test(next)) throw new Error(`invalid real-time authorization URL: ${next}`);
  config.rtaUrl = next;
  if (secret) config.rtaSecret = secret;
  if (!next) config.rtaSecret = null;
  else if (!config.rtaSecret) config.rtaSecret = `whsec_${randomBytes(24).toString("hex")}`;
}

export function rtaTarget(kernel: Kernel): RtaTarget | null {
  const { rtaUrl, rtaSecret } = kernel.config;
  return rtaUrl && rtaSecret ? { url: rtaUrl, secret: rtaSecret } : null;
}

export async function callRta(target: RtaTarget, payload: string, timeoutMs: number): Promise<RtaAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await postSigned(target, payload, controller.signal);
    return { kind: "answer", status: res.status, version: res.header("stripe-version"), body: res.body };
  } catch (err) {
    if (controller.signal.aborted) return { kind: "timeout" };
    return {
      kind: "error",
      message: `Could not reach the endpoint: ${err instanceof Error ? err.message : String(err)}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Turns the endpoint's answer into a decision; anything malformed becomes the `webhook_error` stand-in. */
export function interpret(kernel: Kernel, answer: RtaAnswer, requested: number, controllable: boolean): RtaOutcome {
  const { rtaOnTimeout, rtaOnError } = kernel.config;
  const standIn = (reason: string, approve: boolean, message: string | null): RtaOutcome => ({
    approved: approve,
    amount: requested,
    reason,
    reason_message: message,
    metadata: null,
  });
  if (answer.kind === "timeout") return standIn("webhook_timeout", rtaOnTimeout === "approve", null);
  const error = (message: string) => standIn("webhook_error", rtaOnError === "approve", message);
  if (answer.kind === "error") return error(answer.message);
  if (answer.status !== 200) return error(`The endpoint answered HTTP ${answer.status}; a decision needs HTTP 200.`);
  if (!answer.version) return error("The response is missing the Stripe-Version header.");
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return error("The response body is not valid JSON.");
  }
  const b = body as { approved?: unknown; amount?: unknown; metadata?: unknown } | null;
  if (!b || typeof b !== "object" || typeof b.approved !== "boolean")
    return error("The response must be a JSON object with a boolean `approved`.");
  const metadata =
    b.metadata && typeof b.metadata === "object"
      ? Object.fromEntries(Object.entries(b.metadata as Record<string, unknown>).map(([k, v]) => [k, String(v)]))
      : null;
  if (!b.approved)
    return { approved: false, amount: requested, reason: "webhook_declined", reason_message: null, metadata };
  let amount = requested;
  if (b.amount !== undefined) {
    if (!controllable) return error("`amount` may only be set when pending_request.is_amount_controllable is true.");
    if (typeof b.amount !== "number" || !Number.isSafeInteger(b.amount) || b.amount <= 0 || b.amount > requested)
      return error(`\`amount\` must be a positive integer no larger than the requested ${requested}.`);
    amount = b.amount;
  }
  return { approved: true, amount, reason: "webhook_approved", reason_message: null, metadata };
}
