import { expect, test } from "@playwright/test";
import { openReview, signInAdmin } from "./admin-helpers";
import { signUpAndOnboard, uniqueEmail } from "./helpers";
import { accountByEmail, createVirtualCard, goTo, ledgerViolations, purchaseAndCapture } from "./journey-steps";

test("US funded by the platform: sign up → onboard → the admin funds 500.00 USD → the financial account shows it → card purchase", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("journey-us-platform");
  const token = `funded${Date.now().toString(36)}`;
  const name = `Platform ${token} Inc.`;
  await signUpAndOnboard(page, { email, legalName: name, country: "US" });
  const account = await accountByEmail(email);

  // The admin funds it from the platform's Treasury account, after a review step.
  const admin = await (await browser.newContext()).newPage();
  await signInAdmin(admin);
  await expect(async () => {
    await openReview(admin, token, name);
  }).toPass({ timeout: 20_000 });
  await admin.getByLabel("Amount (USD)").fill("500");
  await admin.getByRole("button", { name: "Review funding" }).click();
  await expect(admin.getByTestId("fund-confirm-text")).toHaveText(`Send $500.00 from the platform to ${name}.`);
  await admin.getByRole("button", { name: "Confirm funding" }).click();
  await expect(admin.getByTestId("fund-result")).toHaveText(`Sent $500.00; ${name} received $500.00.`);

  // The business sees it on Home, and spends it with a card.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("balance-available")).toHaveText("$500.00", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const card = await createVirtualCard(page, account.id, {
    line1: "1 Main St",
    city: "San Francisco",
    postalCode: "94111",
  });
  expect(card.financial_account).toMatch(/^fa_/);
  await purchaseAndCapture(page, card.id, "42.50", "USD");
  await goTo(page, "Home", "dashboard");
  await expect(page.getByTestId("balance-available")).toHaveText("$457.50");
  expect(await ledgerViolations()).toEqual([]);
});
