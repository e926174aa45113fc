import { expect, test } from "@playwright/test";
import { signUpAndOnboard, uniqueEmail } from "./helpers";
import { accountByEmail, createVirtualCard, purchaseAndCapture } from "./journey-steps";

test("US journey: sign up → onboard → link a bank → money in → card → purchase approved → captured → on home", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
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

  // A cardholder and a virtual card (embedded cards list), a purchase approved in real time, captured.
  const account = await accountByEmail(email);
  const card = await createVirtualCard(page, account.id, {
    line1: "1 Main St",
    city: "San Francisco",
    postalCode: "94111",
  });
  await purchaseAndCapture(page, card.id, "42.50", "USD");

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
