import { expect, test } from "@playwright/test";
import { signUpAndOnboard, uniqueEmail } from "./helpers";
import {
  accountByEmail,
  createVirtualCard,
  goTo,
  journeyStripe,
  ledgerViolations,
  purchaseAndCapture,
} from "./journey-steps";

test("UK journey: sign up → onboard → bank transfer in → card in GBP → purchase captured → balance down → payout", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("journey-uk");
  await signUpAndOnboard(page, { email, legalName: "Journey Goods Ltd", country: "GB" });
  const account = await accountByEmail(email);
  expect([account.country, account.default_currency]).toEqual(["GB", "gbp"]);
  expect(account.capabilities?.treasury).toBeUndefined();

  // Money comes in by bank transfer to the balance's own UK bank details (push funding, as Stripe
  // does it in the UK and EEA); the sandbox tools stand in for the bank sending 300.00 GBP.
  await goTo(page, "Balance", "balance");
  // The details are made when the account's activation event arrives, not by the page: wait for it.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("bank-sort-code")).toHaveText(/^\d{2}-\d{2}-\d{2}$/, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("bank-account-number")).toHaveText(/^\d{8}$/);
  await expect(page.getByTestId("balance-available")).toHaveText("£0.00");
  await goTo(page, "Sandbox tools", "sandbox-tools");
  const receive = page.getByRole("region", { name: "Receive a bank transfer into your Issuing balance" });
  await receive.getByLabel("Amount (GBP)").fill("300.005");
  await receive.getByRole("button", { name: "Receive bank transfer" }).click();
  await expect(receive.locator('[data-field-error="amount"]')).toContainText("2 decimal places");
  await receive.getByLabel("Amount (GBP)").fill("300");
  await receive.getByRole("button", { name: "Receive bank transfer" }).click();
  await expect(page.getByTestId("receive-result")).toContainText("Received");
  await goTo(page, "Balance", "balance");
  await expect(page.getByTestId("balance-available")).toHaveText("£300.00");
  await expect(page.getByTestId("balance-moves").locator("li").first()).toContainText("Bank transfer in");
  expect(await ledgerViolations()).toEqual([]);

  // A card on the Issuing balance (in GBP, no financial account), a purchase, captured.
  const card = await createVirtualCard(page, account.id, {
    line1: "1 High Street",
    city: "London",
    postalCode: "EC1A 1BB",
  });
  expect(card.currency).toBe("gbp");
  expect(card.financial_account ?? null).toBeNull();
  await purchaseAndCapture(page, card.id, "42.50", "GBP");
  await goTo(page, "Home", "dashboard");
  await expect(page.getByTestId("balance-available")).toHaveText("£257.50");
  await expect(page.getByTestId("money-out-30d")).toContainText("£42.50");

  // A payout above the balance is refused next to the amount; then 57.50 goes to the bank.
  await goTo(page, "Balance", "balance");
  const payOut = page.getByRole("form", { name: "Pay out to your bank" });
  await payOut.getByLabel("Amount (GBP)").fill("1000");
  await payOut.getByRole("button", { name: "Review payout" }).click();
  await expect(payOut.getByText("You have £257.50 available")).toBeVisible();
  await payOut.getByLabel("Amount (GBP)").fill("57.50");
  await payOut.getByRole("button", { name: "Review payout" }).click();
  await expect(payOut.getByTestId("payout-review")).toContainText("£57.50");
  await payOut.getByRole("button", { name: "Confirm payout" }).click();
  await expect(page.getByTestId("payout-result")).toContainText("£57.50 payout");
  await expect(page.getByTestId("balance-available")).toHaveText("£200.00");
  const payouts = await journeyStripe.payouts.list({}, { stripeAccount: account.id });
  expect(payouts.data.map((p) => p.amount)).toEqual([5750]);
  expect(await ledgerViolations()).toEqual([]);
});
