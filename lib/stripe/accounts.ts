import type Stripe from "stripe";
import { includeQuery, v2Request, type V2Object } from "./v2";

export type NewAccount = { email: string; legalName: string; country: string; businessType: "company" | "individual" | "non_profit" | "government_entity" };

/** US: a v1 Custom account controlled by the platform, with the Treasury and Issuing capabilities. */
export async function createTreasuryAccount(stripe: Stripe, a: NewAccount, idempotencyKey: string): Promise<string> {
  const account = await stripe.accounts.create(
    {
      country: "US",
      ...(a.email ? { email: a.email } : {}),
      business_type: a.businessType,
      ...(a.businessType === "individual" ? {} : { company: { name: a.legalName } }),
      business_profile: { name: a.legalName },
      controller: { stripe_dashboard: { type: "none" }, fees: { payer: "application" }, losses: { payments: "application" }, requirement_collection: "application" },
      capabilities: {
        transfers: { requested: true },
        card_issuing: { requested: true },
        treasury: { requested: true },
        us_bank_account_ach_payments: { requested: true },
      },
    },
    { idempotencyKey },
  );
  return account.id;
}

/** MX/AR: a v2 account that stores USDC (storer) and can have commercial prepaid cards (card_creator). */
export async function createStablecoinAccount(stripe: Stripe, a: NewAccount, idempotencyKey: string): Promise<string> {
  const country = a.country.toLowerCase();
  const account = await v2Request(
    stripe,
    "POST",
    "/v2/core/accounts",
    {
      ...(a.email ? { contact_email: a.email } : {}),
      display_name: a.legalName,
      dashboard: "none",
      identity: {
        country,
        entity_type: a.businessType === "individual" ? "individual" : "company",
        ...(a.businessType === "individual" ? {} : { business_details: { registered_name: a.legalName } }),
      },
      defaults: { currency: "usd", responsibilities: { fees_collector: "application", losses_collector: "application" } },
      configuration: {
        merchant: { capabilities: { card_payments: { requested: true } } },
        storer: {
          capabilities: {
            holds_currencies: { usdc: { requested: true } },
            financial_addresses: { bank_accounts: { requested: true } },
            outbound_payments: { financial_accounts: { requested: true } },
            outbound_transfers: { crypto_wallets: { requested: true }, bank_accounts: { requested: true } },
          },
        },
        card_creator: { capabilities: { commercial: { lead: { prepaid_card: { requested: true } } } } },
      },
    },
    { idempotencyKey },
  );
  return String(account.id);
}

export async function retrieveStablecoinAccount(stripe: Stripe, accountId: string): Promise<V2Object> {
  const q = includeQuery(["configuration.merchant", "configuration.storer", "configuration.card_creator", "identity", "requirements"]);
  return v2Request(stripe, "GET", `/v2/core/accounts/${encodeURIComponent(accountId)}?${q}`);
}

export async function createOnboardingLink(stripe: Stripe, accountId: string, urls: { returnUrl: string; refreshUrl: string }): Promise<string> {
  const link = await stripe.accountLinks.create({
    account: accountId,
    type: "account_onboarding",
    return_url: urls.returnUrl,
    refresh_url: urls.refreshUrl,
    collection_options: { fields: "currently_due" },
  });
  return link.url;
}
