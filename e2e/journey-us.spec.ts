import { expect, test, type Page } from "@playwright/test";
import Stripe from "stripe";
import { uniqueEmail } from "./helpers";

const sandboxUrl = new URL(process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:12111");
const stripe = new Stripe("sk_test_e2e_journey", { host: sandboxUrl.hostname, port: Number(sandboxUrl.port), protocol: "http" });

async function accountByEmail(email: string): Promise<Stripe.Account> {
  for await (const a of stripe.accounts.list({ limit: 100 })) if (a.email === email) return a;
  throw new Error(`no account for ${email}`);
}

async function signUpAndOnboard(page: Page, email: string, legalName: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Jo Journey");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("journey-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Legal business name").fill(legalName);
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Continue to verification" }).click();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("balance-available")).toHaveText("$0.00");
  }).toPass({ timeout: 20_000 });
}

test("US journey: sign up → onboard → link a bank → money in → card → purchase approved → captured → on home", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("journey-us");
  await signUpAndOnboard(page, email, "Journey Goods Inc.");

  // Link a bank account with microdeposits.
  await page.getByRole("link", { name: "Money" }).click();
  await expect(page).toHaveURL(/\/money$/);
  await page.getByLabel("Account holder name").fill("Journey Goods Inc.");
  await page.getByLabel("Routing number").fill("110000000");
  await page.getByLabel("Account number").fill("000123456789");
  await page.getByRole("button", { name: "Link bank account" }).click();
  const code = page.getByLabel(/Deposit code for account ••6789/);
  await code.fill("SM99ZZ");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator('[data-field-error="code"]')).toContainText("doesn't match");
  await page.getByLabel(/Deposit code for account ••6789/).fill("SM11AA");
  await page.getByRole("button", { name: "Verify" }).click();

  // Money in: a bank transfer, which arrives (sandbox tools stand in for the bank).
  await page.getByLabel("From bank account").selectOption({ label: "Bank account ••6789" });
  await page.getByLabel("Amount (USD)").fill("250.00");
  await page.getByRole("button", { name: "Transfer in" }).click();
  await expect(page.getByTestId("inbound-result")).toContainText("$250.00 is on its way");
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("balance-incoming")).toHaveText("$250.00");
  await page.getByRole("link", { name: "Sandbox tools" }).click();
  await expect(page).toHaveURL(/\/sandbox-tools$/);
  await page.getByTestId("inbound-transfers").getByRole("button", { name: "Mark as arrived" }).first().click();
  await expect(page.getByTestId("inbound-transfers").getByText("Arrived")).toBeVisible();
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("balance-available")).toHaveText("$250.00");

  // A card on the financial account (created through the API as the embedded list would).
  const account = await accountByEmail(email);
  const fa = (await stripe.treasury.financialAccounts.list({}, { stripeAccount: account.id })).data[0]!;
  const holder = await stripe.issuing.cardholders.create(
    { type: "individual", name: "Jo Journey", email, billing: { address: { line1: "1 Main St", city: "San Francisco", state: "CA", postal_code: "94111", country: "US" } }, individual: { first_name: "Jo", last_name: "Journey", card_issuing: { user_terms_acceptance: { date: 1_700_000_000, ip: "127.0.0.1" } } } },
    { stripeAccount: account.id },
  );
  const card = await stripe.issuing.cards.create({ cardholder: holder.id, currency: "usd", type: "virtual", status: "active", financial_account: fa.id }, { stripeAccount: account.id });

  // A simulated purchase, approved in real time, then captured.
  await page.getByRole("link", { name: "Sandbox tools" }).click();
  await expect(page).toHaveURL(/\/sandbox-tools$/);
  await expect(async () => {
    await page.reload();
    await page.getByLabel("Card", { exact: true }).selectOption(card.id, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const purchase = page.getByRole("region", { name: "Simulate a card purchase" });
  await purchase.getByLabel("Amount (USD)").fill("42.50");
  await purchase.getByRole("button", { name: "Simulate purchase" }).click();
  await expect(page.getByTestId("purchase-result")).toContainText("Approved");
  const row = page.getByTestId("recent-purchases").locator("li").first();
  await expect(async () => {
    await page.reload();
    await expect(row.getByRole("button", { name: "Capture" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await row.getByRole("button", { name: "Capture" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("recent-purchases").getByTestId("purchase-status").first()).toHaveText("closed", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // Home shows the money spent.
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("balance-available")).toHaveText("$207.50");
  await expect(page.getByTestId("recent-activity")).toContainText("Rocket Rides");
  await expect(page.getByTestId("money-out-30d")).toContainText("$42.50");

  // And the card page shows the purchase with its result.
  await page.goto(`/cards/${card.id}`);
  await expect(page.getByTestId("card-authorizations")).toContainText("Rocket Rides");
  await expect(page.getByTestId("card-authorizations")).toContainText("Approved");
});
