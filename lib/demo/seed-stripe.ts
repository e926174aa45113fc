import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import { hasAppMeta, insertAppMeta } from "@/db/queries/app-meta";
import { businessesNamed } from "@/db/queries/businesses";
import type { Business } from "@/db/schema";
import { ensureFinancialAccount, onboardingState, provisionStripeAccount } from "@/lib/businesses/provision";
import { platformTreasuryAccount } from "@/lib/admin/platform-accounts";
import { balanceCurrencyFor } from "@/lib/funding-model";
import { ensureFundingInstructions } from "@/lib/issuing-balance/push-funding";
import { v2Request } from "@/lib/stripe/v2";
import { DEMO_BUSINESS_NAMES } from "./seed";
import { seedDemoCardholder } from "./seed-cardholder";

// Sandbox mode only: gives the demo businesses verified accounts, financial accounts and money,
// so a new user sees a working product on first start. Every step is idempotent.
const TOS = { date: 1_700_000_000, ip: "127.0.0.1" };

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function verifyUs(stripe: Stripe, accountId: string, legalName: string): Promise<void> {
  await stripe.accounts.update(accountId, {
    business_type: "company",
    company: {
      name: legalName,
      tax_id: "000000000",
      phone: "+15555550100",
      address: { line1: "510 Townsend St", city: "San Francisco", state: "CA", postal_code: "94103" },
    },
    business_profile: { mcc: "5734", url: "https://acme.example.com", name: legalName },
    external_account: "btok_us_verified",
    tos_acceptance: TOS,
    settings: { card_issuing: { tos_acceptance: TOS }, treasury: { tos_acceptance: TOS } },
  });
}

async function verifyMx(stripe: Stripe, accountId: string, legalName: string): Promise<void> {
  await v2Request(stripe, "POST", `/v2/core/accounts/${accountId}`, {
    identity: {
      entity_type: "company",
      business_details: {
        registered_name: legalName,
        phone: "+525555555555",
        address: {
          line1: "Av. Paseo de la Reforma 222",
          city: "Ciudad de México",
          postal_code: "06600",
          country: "mx",
        },
        id_numbers: [{ type: "mx_rfc", value: "CAU900101XXX" }],
      },
      attestations: { terms_of_service: { account: { date: "2026-01-01T00:00:00.000Z", ip: "127.0.0.1" } } },
    },
    defaults: { profile: { business_url: "https://aurora.example.mx" } },
  });
}

/** The platform's own Treasury account starts empty, as on Stripe: a received credit gives it money to fund US businesses. */
async function fundPlatformTreasury(stripe: Stripe): Promise<void> {
  const platformFa = await platformTreasuryAccount(stripe);
  if (!platformFa) throw new Error("the platform has no Treasury financial account");
  await stripe.testHelpers.treasury.receivedCredits.create(
    {
      financial_account: platformFa.id,
      network: "ach",
      amount: 5_000_000,
      currency: "usd",
      description: "Platform funds",
    },
    { idempotencyKey: "demo-platform-treasury-credit" },
  );
}

async function fundUs(stripe: Stripe, accountId: string, fa: string): Promise<void> {
  await fundPlatformTreasury(stripe);
  await stripe.testHelpers.treasury.receivedCredits.create(
    { financial_account: fa, network: "ach", amount: 2_500_000, currency: "usd", description: "Opening deposit" },
    { stripeAccount: accountId, idempotencyKey: `demo-${fa}-opening-deposit` },
  );
}

async function fundMx(stripe: Stripe, accountId: string, fa: string): Promise<void> {
  const platformFa = String(
    ((await v2Request(stripe, "GET", "/v2/money_management/financial_accounts")).data as Array<{ id: string }>)[0]?.id,
  );
  const address = await v2Request(
    stripe,
    "POST",
    "/v2/money_management/financial_addresses",
    { financial_account: platformFa, type: "us_bank_account" },
    { idempotencyKey: "demo-platform-address" },
  );
  await until(
    "the platform's financial address",
    async () =>
      (await v2Request(stripe, "GET", `/v2/money_management/financial_addresses/${address.id}`)).status === "active",
  );
  await v2Request(
    stripe,
    "POST",
    `/v2/test_helpers/financial_addresses/${address.id}/credit`,
    { amount: { value: 5_000_000, currency: "usd" }, network: "ach" },
    { idempotencyKey: "demo-platform-credit" },
  );
  await v2Request(
    stripe,
    "POST",
    "/v2/money_management/outbound_payments",
    {
      from: { financial_account: platformFa, currency: "usd" },
      to: { recipient: accountId, payout_method: fa, currency: "usdc" },
      amount: { value: 100_000, currency: "usd" },
      description: "Demo funding",
    },
    { idempotencyKey: `demo-${fa}-funding` },
  );
}

async function verifyGb(stripe: Stripe, accountId: string, legalName: string): Promise<void> {
  await stripe.accounts.update(accountId, {
    business_type: "company",
    company: {
      name: legalName,
      tax_id: "000000000",
      phone: "+442071234567",
      address: { line1: "1 Brightside Lane", city: "London", postal_code: "EC1A 1BB" },
    },
    business_profile: { mcc: "5943", url: "https://brightside.example.co.uk", name: legalName },
    // Stripe's UK test bank account (sort code 10-88-00).
    external_account: {
      object: "bank_account",
      country: "GB",
      currency: "gbp",
      routing_number: "108800",
      account_number: "00012345",
    },
    tos_acceptance: TOS,
    settings: { card_issuing: { tos_acceptance: TOS } },
  });
}

/**
 * The Issuing balance's opening money, by bank transfer to its funding instructions (Stripe's test
 * helper stands in for the bank), and a cardholder with an active virtual card on it.
 */
async function fundGb(stripe: Stripe, business: Business, accountId: string): Promise<void> {
  const currency = balanceCurrencyFor(business.country);
  const opts = (key: string) => ({ stripeAccount: accountId, idempotencyKey: `demo-${accountId}-${key}` });
  await ensureFundingInstructions(stripe, { ...business, stripeAccountId: accountId });
  await stripe.rawRequest(
    "POST",
    "/v1/test_helpers/issuing/fund_balance",
    { amount: 500_000, currency },
    opts("opening-transfer"),
  );
  const holder = await stripe.issuing.cardholders.create(
    {
      type: "individual",
      name: "Olivia Owner",
      email: "owner@uk.test",
      individual: {
        first_name: "Olivia",
        last_name: "Owner",
        card_issuing: { user_terms_acceptance: { date: TOS.date, ip: TOS.ip } },
      },
      billing: { address: { line1: "1 Brightside Lane", city: "London", postal_code: "EC1A 1BB", country: "GB" } },
    },
    opts("cardholder"),
  );
  await stripe.issuing.cards.create(
    { cardholder: holder.id, currency, type: "virtual", status: "active" },
    opts("card"),
  );
}

/**
 * Verifies and funds each demo business once (an `app_meta` row records it; businesses funded before
 * that row existed are the ones with a financial account).
 */
export async function seedDemoStripe(db: Db, stripe: Stripe, log: (line: string) => void = console.log): Promise<void> {
  for (const business of await businessesNamed(db, { legalNames: DEMO_BUSINESS_NAMES })) {
    const done = `demo-stripe:${business.id}`;
    if (await hasAppMeta(db, { key: done })) continue;
    if (business.fundingModel !== "issuing_balance" && business.financialAccountId) continue;
    const accountId = await provisionStripeAccount(db, stripe, business);
    if (business.fundingModel === "stablecoin") await verifyMx(stripe, accountId, business.legalName);
    else if (business.fundingModel === "issuing_balance") await verifyGb(stripe, accountId, business.legalName);
    else await verifyUs(stripe, accountId, business.legalName);
    const state = await until("verification", async () => {
      const s = await onboardingState(stripe, business);
      return s.canHoldMoney && s;
    });
    if (business.fundingModel === "issuing_balance") {
      await fundGb(stripe, business, accountId);
    } else {
      const fa = await ensureFinancialAccount(db, stripe, business, state);
      if (!fa) throw new Error(`no financial account for ${business.legalName}`);
      if (business.fundingModel === "stablecoin") await fundMx(stripe, accountId, fa);
      else await fundUs(stripe, accountId, fa);
    }
    await insertAppMeta(db, { key: done, value: { accountId } });
    log(`demo: ${business.legalName} verified and funded (${accountId})`);
  }
  // Also reaches an install seeded before the demo cardholder existed.
  await seedDemoCardholder(db, stripe, log);
}
