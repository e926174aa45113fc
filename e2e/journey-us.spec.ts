import { expect, test } from "@playwright/test";
import Stripe from "stripe";
import { signUpAndOnboard, uniqueEmail } from "./helpers";

const sandboxUrl = new URL(process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:12111");
const stripe = new Stripe("sk_test_e2e_journey", {
  host: sandboxUrl.hostname,
  port: Number(sandboxUrl.port),
  protocol: "http",
});

async function accountByEmail(email: string): Promise<Stripe.Account> {
  for await (const a of stripe.accounts.list({ limit: 100 })) if (a.email === email) return a;
  throw new Error(`no account for ${email}`);
}

test("US journey: sign up → onboard → link a bank → money in → card → purchase approved → captured → on home", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("journey-us");
  await signUpAndOnboard(page, { email, legalName: "Journey Goods Inc.", country: "US" });

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
  await expect(page.getByTestId("inbound-transfers").getByText("Arrived", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("balance-available")).toHaveText("$250.00");

  // A cardholder and a virtual card, created in the embedded cards list.
  await page.getByRole("link", { name: "Cards" }).click();
  await expect(page).toHaveURL(/\/cards$/);
  const list = page.getByTestId("cards-components");
  await list.getByRole("button", { name: "Add cardholder" }).click();
  await list.getByLabel("First name").fill("Jo");
  await list.getByLabel("Last name").fill("Journey");
  await list.getByLabel("Street address").fill("1 Main St");
  await list.getByLabel("City").fill("San Francisco");
  await list.getByLabel("Postal code").fill("94111");
  await list.getByLabel("The cardholder accepts the Issuing terms").check();
  await list.getByRole("button", { name: "Save cardholder" }).click();
  await list.getByRole("button", { name: "Create card" }).click();
  await list.getByLabel("Activate the card now").check();
  await list.getByRole("button", { name: "Create virtual card" }).click();
  await expect(list.getByText(/Virtual card •••• \d{4} created for/)).toBeVisible();
  const account = await accountByEmail(email);
  const cards = await stripe.issuing.cards.list({}, { stripeAccount: account.id });
  expect(cards.data).toHaveLength(1);
  const card = cards.data[0]!;
  expect(card.status).toBe("active");

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
    await expect(page.getByTestId("recent-purchases").getByTestId("purchase-status").first()).toHaveText("closed", {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });

  // Home shows the money spent.
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("balance-available")).toHaveText("$207.50");
  await expect(page.getByTestId("recent-activity")).toContainText("Rocket Rides");
  await expect(page.getByTestId("money-out-30d")).toContainText("$42.50");

  // The financial account's transactions component lists the deposit and the card spend.
  await page.goto("/money");
  const rows = page.getByTestId("money-components").getByTestId("transaction-row");
  await expect(rows.filter({ hasText: "Issuing capture" })).toContainText(["Posted"], { timeout: 15_000 });
  await expect(rows.filter({ hasText: "Issuing capture" })).toContainText("-$42.50");
  await expect(rows.filter({ hasText: "Transfer from bank" })).toContainText("$250.00");

  // And the card page shows the purchase with its result.
  await page.goto(`/cards/${card.id}`);
  await expect(page.getByTestId("card-funding")).toHaveAttribute("data-kind", "financial_account");
  await expect(page.getByTestId("card-authorizations")).toContainText("Rocket Rides");
  await expect(page.getByTestId("card-authorizations")).toContainText("Approved");

  // Another business can't open this card by its id: it is simply not found.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill("owner@mx.test");
  await other.getByLabel("Password").fill("sandbox-demo");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/dashboard$/);
  const response = await other.goto(`/cards/${card.id}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByText("Rocket Rides")).toHaveCount(0);
});
