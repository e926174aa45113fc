import type Stripe from "stripe";
import { v2Request } from "./v2";

/** The features of Stripe's embedded-finance guide. */
export const TREASURY_FEATURES: Stripe.Treasury.FinancialAccountCreateParams.Features = {
  card_issuing: { requested: true },
  deposit_insurance: { requested: true },
  financial_addresses: { aba: { requested: true } },
  inbound_transfers: { ach: { requested: true } },
  intra_stripe_flows: { requested: true },
  outbound_payments: { ach: { requested: true }, us_domestic_wire: { requested: true } },
  outbound_transfers: { ach: { requested: true }, us_domestic_wire: { requested: true } },
};

export async function createTreasuryFinancialAccount(
  stripe: Stripe,
  accountId: string,
  idempotencyKey: string,
): Promise<string> {
  const fa = await stripe.treasury.financialAccounts.create(
    { supported_currencies: ["usd"], features: TREASURY_FEATURES },
    { stripeAccount: accountId, idempotencyKey },
  );
  return fa.id;
}

export async function createUsdcFinancialAccount(
  stripe: Stripe,
  accountId: string,
  idempotencyKey: string,
): Promise<string> {
  const fa = await v2Request(
    stripe,
    "POST",
    "/v2/money_management/financial_accounts",
    { type: "storage", storage: { holds_currencies: ["usdc"] }, display_name: "USDC wallet" },
    { account: accountId, idempotencyKey },
  );
  return String(fa.id);
}
