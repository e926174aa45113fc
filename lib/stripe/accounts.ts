import type Stripe from "stripe";
import { includeQuery, v2Request, type V2Object } from "./v2";

export type NewAccount = {
  email: string;
  legalName: string;
  country: string;
  businessType: "company" | "individual" | "non_profit" | "government_entity";
};

/** A v1 Custom account controlled by the platform (no Stripe dashboard; fees, losses and requirements are the platform's). */
function customAccount(a: NewAccount): Stripe.AccountCreateParams {
  return {
    ...(a.email ? { email: a.email } : {}),
    business_type: a.businessType,
    ...(a.businessType === "individual" ? {} : { company: { name: a.legalName } }),
    business_profile: { name: a.legalName },
    controller: {
      stripe_dashboard: { type: "none" },
      fees: { payer: "application" },
      losses: { payments: "application" },
      requirement_collection: "application",
    },
  };
}

/** US: a Custom account with the Treasury and Issuing capabilities. */
export async function createTreasuryAccount(stripe: Stripe, a: NewAccount, idempotencyKey: string): Promise<string> {
  const account = await stripe.accounts.create(
    {
      ...customAccount(a),
      country: "US",
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

/**
 * UK/EEA: a Custom account with Issuing on its Issuing balance (no Treasury outside the US): bank
 * transfers fund the balance, payouts empty it, cards spend from it.
 */
export async function createIssuingBalanceAccount(
  stripe: Stripe,
  a: NewAccount,
  currency: string,
  idempotencyKey: string,
): Promise<string> {
  const account = await stripe.accounts.create(
    {
      ...customAccount(a),
      country: a.country.toUpperCase(),
      default_currency: currency,
      capabilities: { transfers: { requested: true }, card_issuing: { requested: true } },
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
      defaults: {
        currency: "usd",
        responsibilities: { fees_collector: "application", losses_collector: "application" },
      },
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
  const q = includeQuery([
    "configuration.merchant",
    "configuration.storer",
    "configuration.card_creator",
    "identity",
    "requirements",
  ]);
  return v2Request(stripe, "GET", `/v2/core/accounts/${encodeURIComponent(accountId)}?${q}`);
}

/**
 * A link to Stripe's hosted onboarding. v1 (US Treasury) accounts get a v1 Account Link; v2
 * stablecoin accounts a v2 one (`/v2/core/account_links`, the preview SDK's `V2.Core.AccountLinks`)
 * naming the configurations it onboards, since v1 links cannot onboard storer/card_creator.
 */
export async function createOnboardingLink(
  stripe: Stripe,
  accountId: string,
  api: "v1" | "v2",
  urls: { returnUrl: string; refreshUrl: string },
): Promise<string> {
  if (api === "v2") {
    // The link's configuration enum (2025-12-15.preview) has no card_creator: it collects the same identity as storer.
    const account = await v2Request(stripe, "GET", `/v2/core/accounts/${encodeURIComponent(accountId)}`);
    const configurations = ((account.applied_configurations ?? []) as string[]).filter((c) =>
      LINK_CONFIGURATIONS.includes(c),
    );
    const link = await v2Request(stripe, "POST", "/v2/core/account_links", {
      account: accountId,
      use_case: {
        type: "account_onboarding",
        account_onboarding: {
          configurations,
          refresh_url: urls.refreshUrl,
          return_url: urls.returnUrl,
          collection_options: { fields: "currently_due" },
        },
      },
    });
    return String(link.url);
  }
  const link = await stripe.accountLinks.create({
    account: accountId,
    type: "account_onboarding",
    return_url: urls.returnUrl,
    refresh_url: urls.refreshUrl,
    collection_options: { fields: "currently_due" },
  });
  return link.url;
}

/** Configurations a v2 Account Link can name (preview SDK `AccountLinkCreateParams…Configuration`). */
const LINK_CONFIGURATIONS = ["customer", "merchant", "recipient", "storer"];

/** Which Accounts API a business's connected account was made with: stablecoin businesses are v2 accounts. */
export const accountApi = (fundingModel: string): "v1" | "v2" => (fundingModel === "stablecoin" ? "v2" : "v1");

/**
 * Closes a v2 account. Stripe needs every configuration on it named ("All configurations on the
 * Account must be passed in"), so they are read from the account first.
 */
export async function closeStablecoinAccount(stripe: Stripe, accountId: string): Promise<V2Object> {
  const path = `/v2/core/accounts/${encodeURIComponent(accountId)}`;
  const account = await v2Request(stripe, "GET", path);
  return v2Request(stripe, "POST", `${path}/close`, { applied_configurations: account.applied_configurations ?? [] });
}
