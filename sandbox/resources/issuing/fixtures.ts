import type Stripe from "stripe";
import { completeIndividual, customAccountParams, eventually } from "../../test-helpers";

/** Shared by the Issuing tests: a connected account that can issue cards from a funded Treasury FA. */
export type IssuingSetup = { acct: string; opts: { stripeAccount: string }; fa: string; holder: string; card: string };

export const CARDHOLDER: Stripe.Issuing.CardholderCreateParams = {
  type: "individual",
  name: "Jenny Rosen",
  email: "jenny.rosen@example.com",
  phone_number: "+18888675309",
  billing: {
    address: { line1: "1234 Main Street", city: "San Francisco", state: "CA", postal_code: "94111", country: "US" },
  },
  individual: {
    first_name: "Jenny",
    last_name: "Rosen",
    dob: { day: 1, month: 11, year: 1981 },
    card_issuing: { user_terms_acceptance: { date: 1700000000, ip: "127.0.0.1" } },
  },
};

/**
 * A cardholder of a stablecoin (card_creator, Lead Bank) account, as the stablecoin guide creates
 * one: Lead's authorized user terms, a preview parameter the SDK does not type.
 */
export const LEAD_CARDHOLDER = {
  type: "individual",
  name: "Jenny Rosen",
  email: "jenny.rosen@example.com",
  phone_number: "+18008675309",
  status: "active",
  billing: {
    address: { line1: "Calle de la Paz 123", city: "Cancun", state: "Q.R.", postal_code: "77500", country: "MX" },
  },
  individual: {
    first_name: "Jenny",
    last_name: "Rosen",
    dob: { day: 1, month: 11, year: 1981 },
    user_terms_acceptance: { lead: { date: 1470266163, ip: "91.121.146.224" } },
  },
} as unknown as Stripe.Issuing.CardholderCreateParams;

/** Card params with the stablecoin guide's `financial_account_v2` (not in the SDK's types). */
export const onV2 = (
  fa: string,
  p: Omit<Stripe.Issuing.CardCreateParams, "financial_account">,
): Stripe.Issuing.CardCreateParams => ({ ...p, financial_account_v2: fa }) as Stripe.Issuing.CardCreateParams;

export async function issuingAccount(stripe: Stripe): Promise<string> {
  const acct = await stripe.accounts.create(customAccountParams);
  await stripe.accounts.update(acct.id, completeIndividual);
  await eventually(async () => {
    const caps = (await stripe.accounts.retrieve(acct.id)).capabilities;
    return caps?.treasury === "active" && caps.card_issuing === "active";
  });
  return acct.id;
}

/** Account → FA with card_issuing holding `funds` → compliant cardholder → active virtual card on the FA. */
export async function fundedCard(
  stripe: Stripe,
  funds = 20000,
  card: Partial<Stripe.Issuing.CardCreateParams> = {},
): Promise<IssuingSetup> {
  const acct = await issuingAccount(stripe);
  const opts = { stripeAccount: acct };
  const fa = await stripe.treasury.financialAccounts.create(
    { supported_currencies: ["usd"], features: { card_issuing: { requested: true } } },
    opts,
  );
  if (funds > 0)
    await stripe.testHelpers.treasury.receivedCredits.create(
      { financial_account: fa.id, amount: funds, currency: "usd", network: "ach" },
      opts,
    );
  const holder = await stripe.issuing.cardholders.create(CARDHOLDER, opts);
  const c = await stripe.issuing.cards.create(
    { cardholder: holder.id, currency: "usd", type: "virtual", financial_account: fa.id, status: "active", ...card },
    opts,
  );
  return { acct, opts, fa: fa.id, holder: holder.id, card: c.id };
}

/** Another active card for the same cardholder and funding. */
export async function anotherCard(
  stripe: Stripe,
  s: IssuingSetup,
  card: Partial<Stripe.Issuing.CardCreateParams> = {},
): Promise<string> {
  return (
    await stripe.issuing.cards.create(
      { cardholder: s.holder, currency: "usd", type: "virtual", financial_account: s.fa, status: "active", ...card },
      s.opts,
    )
  ).id;
}

export type AuthParams = Parameters<Stripe["testHelpers"]["issuing"]["authorizations"]["create"]>[0];

export async function authorize(
  stripe: Stripe,
  s: IssuingSetup,
  amount: number,
  extra: Partial<AuthParams> = {},
  card = s.card,
): Promise<Stripe.Issuing.Authorization> {
  return stripe.testHelpers.issuing.authorizations.create(
    { card, amount, merchant_data: { category: "taxicabs_limousines" }, ...extra },
    s.opts,
  );
}

export const lastReason = (a: Stripe.Issuing.Authorization) => a.request_history[a.request_history.length - 1]?.reason;
