import type Stripe from "stripe";

/** Shared by the v2 money-management tests: preview requests and a verified MX stablecoin account. */
export const PREVIEW = "2025-12-15.preview";
/** Request options for `stripe.rawRequest` at the preview version. */
export const PREVIEW_REQUEST = { apiVersion: PREVIEW };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- preview shapes the 23.1.0 types do not have
export type Obj = Record<string, any>;

/** `stripe.rawRequest` with the preview version, optionally as a connected account (Stripe-Context). */
export async function v2(
  stripe: Stripe,
  method: "GET" | "POST",
  path: string,
  body: Record<string, unknown> = {},
  account?: string,
): Promise<Obj> {
  return (await stripe.rawRequest(method, path, method === "POST" ? body : {}, {
    apiVersion: PREVIEW,
    ...(account ? { stripeContext: account } : {}),
  })) as Obj;
}

export const storerCapabilities = {
  holds_currencies: { usdc: { requested: true } },
  financial_addresses: { bank_accounts: { requested: true } },
  outbound_payments: { financial_accounts: { requested: true } },
  outbound_transfers: { crypto_wallets: { requested: true }, bank_accounts: { requested: true } },
};

/** A v2 AccountLink request onboarding `account` for its merchant and storer configurations. */
export const onboardingLink = (account: string) => ({
  account,
  use_case: {
    type: "account_onboarding",
    account_onboarding: {
      configurations: ["merchant", "storer"],
      refresh_url: "https://example.com/reauth",
      return_url: "https://example.com/return",
    },
  },
});

/** A Mexican individual with merchant + storer + card_creator, KYC complete; resolves once storer is active. */
export async function stablecoinAccount(stripe: Stripe, name = "Ana"): Promise<string> {
  const acct = await v2(stripe, "POST", "/v2/core/accounts", {
    contact_email: `${name.toLowerCase()}@tienda.mx`,
    display_name: `Tienda ${name}`,
    dashboard: "none",
    identity: {
      country: "mx",
      entity_type: "individual",
      individual: {
        given_name: name,
        surname: "Rosen",
        email: "ana@tienda.mx",
        phone: "+525555555555",
        date_of_birth: { day: 1, month: 1, year: 1990 },
        address: { line1: "Av. Reforma 1", city: "CDMX", postal_code: "06600", country: "mx" },
        id_numbers: [{ type: "mx_rfc", value: "ROAA900101XXX" }],
      },
      attestations: { terms_of_service: { account: { date: "2026-01-01T00:00:00.000Z", ip: "127.0.0.1" } } },
    },
    defaults: {
      currency: "usd",
      responsibilities: { fees_collector: "application", losses_collector: "application" },
      profile: { business_url: "https://tienda.mx" },
    },
    configuration: {
      merchant: { capabilities: { card_payments: { requested: true } } },
      storer: { capabilities: storerCapabilities },
      card_creator: { capabilities: { commercial: { lead: { prepaid_card: { requested: true } } } } },
    },
  });
  const id = String(acct.id);
  const start = Date.now();
  for (;;) {
    const got = await v2(stripe, "GET", `/v2/core/accounts/${id}?include[0]=configuration.storer`);
    if (got.configuration.storer.capabilities.holds_currencies.usdc.status === "active") return id;
    if (Date.now() - start > 5000) throw new Error(`storer never became active for ${id}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A USDC storage financial account of `acct`. */
export function usdcFa(stripe: Stripe, acct: string): Promise<Obj> {
  return v2(
    stripe,
    "POST",
    "/v2/money_management/financial_accounts",
    { type: "storage", storage: { holds_currencies: ["usdc"] } },
    acct,
  );
}

/** A crypto wallet payout method of `acct`, set up with an OutboundSetupIntent; resolves to the payout method's id. */
export async function cryptoWallet(
  stripe: Stripe,
  acct: string,
  wallet: { address: string; network: string },
): Promise<string> {
  const body = { payout_method_data: { type: "crypto_wallet", crypto_wallet: wallet } };
  const osi = await v2(stripe, "POST", "/v2/money_management/outbound_setup_intents", body, acct);
  return String(osi.payout_method.id);
}
