import "server-only";
import type Stripe from "stripe";
import { v2Request, type V2Object } from "@/lib/stripe/v2";

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
