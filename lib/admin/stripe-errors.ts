import { fail, type ActionError } from "@/lib/errors";

type StripeLike = {
  type?: string;
  code?: string;
  statusCode?: number;
  message?: string;
  raw?: { type?: string; code?: string };
};

/**
 * Maps a Stripe (or sandbox) failure to a typed result once, so no raw Stripe message or stack
 * reaches the browser. `definitive` says whether retrying the same request could succeed.
 */
export function stripeFailure(
  err: unknown,
  field = "amount",
): { error: { ok: false; error: ActionError }; definitive: boolean } {
  const e = (err ?? {}) as StripeLike;
  const code = e.code ?? e.raw?.code ?? e.raw?.type ?? "";
  const status = e.statusCode ?? 0;
  if (code === "insufficient_funds" || e.type === "insufficient_funds") {
    return {
      error: fail("insufficient_funds", {
        [field]: "The platform's financial account doesn't have enough available balance",
      }),
      definitive: true,
    };
  }
  if (code === "account_invalid") {
    return {
      error: fail("stripe_unavailable", undefined, "The platform has no Treasury financial account to send from"),
      definitive: true,
    };
  }
  // The same idempotency key is in use by a request still running (a double submit): not a refusal;
  // the operation stays pending and a retry with the same key gets that request's result.
  if (status === 409 || e.type === "StripeIdempotencyError")
    return { error: fail("stripe_unavailable"), definitive: false };
  if (status >= 400 && status < 500) {
    console.error("Stripe refused an admin request", err);
    return {
      error: fail(
        "stripe_unavailable",
        undefined,
        "Stripe refused this request. Check the account's state and try again",
      ),
      definitive: true,
    };
  }
  console.error("Stripe call failed", err);
  return { error: fail("stripe_unavailable"), definitive: false };
}
