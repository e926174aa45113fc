import { expect, type Page } from "@playwright/test";
import Stripe from "stripe";
import { signIn } from "./helpers";

export const MX_NAME = "Comercial Aurora S.A. de C.V.";
export const US_NAME = "Acme Supplies Inc.";
export const V2_VERSION = "2025-12-15.preview";

/** The sandbox through the official SDK, as a test drives "the outside world" (purchases, wires). */
export function sandboxStripe(): Stripe {
  const url = new URL(process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:12111");
  return new Stripe("sk_test_e2e_admin", { host: url.hostname, port: Number(url.port), protocol: "http" });
}

export async function signInAdmin(page: Page): Promise<void> {
  await signIn(page, "admin@platform.test");
  await expect(page).toHaveURL(/\/admin$/);
}

/** Finds a business through the accounts search and opens its review page. */
export async function openReview(page: Page, search: string, name: string): Promise<string> {
  await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Accounts" }).click();
  await page.getByLabel("Search").fill(search);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(search)}`));
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const accountId = await page.locator("dt:text('Connected account') + dd").innerText();
  expect(accountId).toMatch(/^acct_/);
  return accountId.trim();
}

/** Confirms an action behind its confirmation step. */
export async function confirmAction(page: Page, label: string): Promise<void> {
  await page.getByRole("button", { name: label, exact: true }).click();
  await page.getByRole("button", { name: `Confirm: ${label.toLowerCase()}` }).click();
}

/** A cardholder and an active virtual card for a demo business, made as the business would. */
export async function issueCard(
  stripe: Stripe,
  accountId: string,
  fundingModel: "stablecoin" | "treasury",
): Promise<string> {
  const opts = { stripeAccount: accountId };
  const fa =
    fundingModel === "stablecoin"
      ? (
          (await stripe.rawRequest("GET", "/v2/money_management/financial_accounts", undefined, {
            apiVersion: V2_VERSION,
            stripeContext: accountId,
          })) as unknown as { data: Array<{ id: string }> }
        ).data[0]?.id
      : (await stripe.treasury.financialAccounts.list({}, opts)).data[0]?.id;
  if (!fa) throw new Error(`no financial account for ${accountId}`);
  // A stablecoin account issues through card_creator (Lead Bank): its cardholders accept Lead's terms and its cards
  // name their USDC wallet in financial_account_v2 (the stablecoin guide's preview parameters, not in the SDK's types).
  const terms = { date: 1_700_000_000, ip: "127.0.0.1" };
  const holder = await stripe.issuing.cardholders.create(
    {
      type: "individual",
      name: "Ana Tester",
      email: "ana.tester@example.test",
      billing: {
        address: { line1: "1 Main St", city: "San Francisco", state: "CA", postal_code: "94111", country: "US" },
      },
      individual: {
        first_name: "Ana",
        last_name: "Tester",
        dob: { day: 1, month: 1, year: 1990 },
        ...(fundingModel === "stablecoin"
          ? { user_terms_acceptance: { lead: terms } }
          : { card_issuing: { user_terms_acceptance: terms } }),
      },
    } as Stripe.Issuing.CardholderCreateParams,
    opts,
  );
  const funding = fundingModel === "stablecoin" ? { financial_account_v2: fa } : { financial_account: fa };
  const card = await stripe.issuing.cards.create(
    {
      cardholder: holder.id,
      currency: "usd",
      type: "virtual",
      status: "active",
      ...funding,
    } as Stripe.Issuing.CardCreateParams,
    opts,
  );
  return card.id;
}

/** A purchase at a merchant, through the card network (the sandbox's test helper). */
export async function purchase(
  stripe: Stripe,
  accountId: string,
  card: string,
  category: string,
  amount = 1000,
): Promise<Stripe.Issuing.Authorization> {
  return stripe.testHelpers.issuing.authorizations.create(
    { card, amount, merchant_data: { category: category as never, name: "E2E Merchant", country: "US" } },
    { stripeAccount: accountId },
  );
}

export const lastReason = (a: Stripe.Issuing.Authorization) => a.request_history.at(-1)?.reason;
