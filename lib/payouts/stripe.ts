import "server-only";
import type Stripe from "stripe";
import { v2Request, type V2Object } from "@/lib/stripe/v2";
import { fail, type ActionError } from "@/lib/errors";

/**
 * The v2 money-management calls the wallet and payouts need, as the business's connected
 * account (`Stripe-Context`). Preview shapes, read defensively.
 */
export type UsdcBalance = { available: number; pending: number; outgoing: number; currency: "usdc" };

const pick = (fa: V2Object, bucket: string) => Number(fa.balance?.[bucket]?.usdc?.value ?? 0);

export async function fetchUsdcBalance(
  stripe: Stripe,
  account: string,
  financialAccount: string,
): Promise<UsdcBalance> {
  const fa = await v2Request(
    stripe,
    "GET",
    `/v2/money_management/financial_accounts/${encodeURIComponent(financialAccount)}`,
    undefined,
    { account },
  );
  return {
    available: pick(fa, "available"),
    pending: pick(fa, "inbound_pending"),
    outgoing: pick(fa, "outbound_pending"),
    currency: "usdc",
  };
}

export type PayoutMethodData =
  | { type: "crypto_wallet"; crypto_wallet: { address: string; network: string; memo?: string } }
  | { type: "bank_account"; bank_account: { account_number: string; country: string; routing_number?: string } };

/** Sets up a payout method with an OutboundSetupIntent meant for transfers to the business itself. */
export async function createPayoutMethod(
  stripe: Stripe,
  account: string,
  data: PayoutMethodData,
  idempotencyKey: string,
): Promise<V2Object> {
  const osi = await v2Request(
    stripe,
    "POST",
    "/v2/money_management/outbound_setup_intents",
    { payout_method_data: data, usage_intent: "transfer" },
    { account, idempotencyKey },
  );
  return osi.payout_method as V2Object;
}

export async function archivePayoutMethod(
  stripe: Stripe,
  account: string,
  payoutMethod: string,
  idempotencyKey: string,
): Promise<void> {
  await v2Request(
    stripe,
    "POST",
    `/v2/money_management/payout_methods/${encodeURIComponent(payoutMethod)}/archive`,
    {},
    { account, idempotencyKey },
  );
}

export type TransferRequest = {
  financialAccount: string;
  payoutMethod: string;
  amount: number;
  currency: "usdc";
  toCurrency: string;
  description: string;
};

export async function createOutboundTransfer(
  stripe: Stripe,
  account: string,
  r: TransferRequest,
  idempotencyKey: string,
): Promise<V2Object> {
  return v2Request(
    stripe,
    "POST",
    "/v2/money_management/outbound_transfers",
    {
      from: { financial_account: r.financialAccount, currency: r.currency },
      to: { payout_method: r.payoutMethod, currency: r.toCurrency },
      amount: { value: r.amount, currency: r.currency },
      description: r.description,
    },
    { account, idempotencyKey },
  );
}

export async function retrieveOutboundTransfer(stripe: Stripe, account: string, id: string): Promise<V2Object> {
  return v2Request(stripe, "GET", `/v2/money_management/outbound_transfers/${encodeURIComponent(id)}`, undefined, {
    account,
  });
}

type StripeLike = { type?: string; rawType?: string; code?: string; param?: string; statusCode?: number };

/** True when Stripe (or the sandbox) never answered: the same request may be retried safely. */
export function isConnectionError(err: unknown): boolean {
  const e = err as StripeLike;
  return (
    e?.type === "StripeConnectionError" ||
    e?.type === "StripeAPIError" ||
    (typeof e?.statusCode === "number" && e.statusCode >= 500) ||
    e?.statusCode === 409
  );
}

/**
 * Maps a Stripe error to our own message, once, so no raw Stripe text reaches the browser.
 * `fieldFor` names the form field a Stripe `param` belongs to.
 */
export function stripeFailure(
  err: unknown,
  fieldFor: (param: string) => string | null = () => null,
): { ok: false; error: ActionError } {
  const e = err as StripeLike;
  if (isConnectionError(err)) return fail("stripe_unavailable");
  const kind = e?.rawType ?? e?.code;
  if (kind === "insufficient_funds")
    return fail("insufficient_funds", { amount: "Not enough available USDC for this payout" });
  if (kind === "invalid_payout_method")
    return fail("validation_failed", {
      destinationId: "This destination can't receive payouts right now. Add it again or choose another",
    });
  if (kind === "financial_account_not_open" || kind === "feature_not_enabled" || kind === "capability_not_enabled") {
    return fail("forbidden", undefined, "Your USDC wallet can't send payouts yet. Finish verification first");
  }
  const field = e?.param ? fieldFor(e.param) : null;
  if (field) return fail("validation_failed", { [field]: "Stripe didn't accept this value. Check it and try again" });
  console.error("payouts: unexpected Stripe error", err);
  return fail("internal");
}
