import { expect, test } from "@playwright/test";
import Stripe from "stripe";
import { signUpAndOnboard, uniqueEmail } from "./helpers";

const sandboxUrl = new URL(process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:12111");
const stripe = new Stripe("sk_test_e2e_journey_uk", {
  host: sandboxUrl.hostname,
  port: Number(sandboxUrl.port),
  protocol: "http",
});

async function accountByEmail(email: string): Promise<Stripe.Account> {
  for await (const a of stripe.accounts.list({ limit: 100 })) if (a.email === email) return a;
  throw new Error(`no account for ${email}`);
}

async function ledgerViolations(): Promise<unknown[]> {
  const res = await fetch(`${sandboxUrl.origin}/_sandbox/ledger/violations`);
  return ((await res.json()) as { violations: unknown[] }).violations;
}

test("UK journey: sign up → onboard → bank transfer in → card in GBP → purchase captured → balance down → payout", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("journey-uk");
  await signUpAndOnboard(page, { email, legalName: "Journey Goods Ltd", country: "GB" });
  await expect(page.getByText("Issuing balance", { exact: false }).first()).toBeVisible();
  const account = await accountByEmail(email);
  expect(account.country).toBe("GB");
  expect(account.default_currency).toBe("gbp");
  expect(account.capabilities?.treasury).toBeUndefined();

  // Money comes in by bank transfer to the balance's own UK bank details (push funding, as Stripe
  // does it in the UK and EEA); the sandbox tools stand in for the bank sending 300.00 GBP.
  await page.getByRole("link", { name: "Balance" }).click();
  await expect(page).toHaveURL(/\/balance$/);
  await expect(page.getByTestId("bank-sort-code")).toHaveText(/^\d{2}-\d{2}-\d{2}$/);
  await expect(page.getByTestId("bank-account-number")).toHaveText(/^\d{8}$/);
  await expect(page.getByTestId("balance-available")).toHaveText("£0.00");
  await page.getByRole("link", { name: "Sandbox tools" }).click();
  await expect(page).toHaveURL(/\/sandbox-tools$/);
  const receive = page.getByRole("region", { name: "Receive a bank transfer into your Issuing balance" });
  await receive.getByLabel("Amount (GBP)").fill("300.005");
  await receive.getByRole("button", { name: "Receive bank transfer" }).click();
  await expect(receive.locator('[data-field-error="amount"]')).toContainText("2 decimal places");
  await receive.getByLabel("Amount (GBP)").fill("300");
  await receive.getByRole("button", { name: "Receive bank transfer" }).click();
  await expect(page.getByTestId("receive-result")).toContainText("Received");
  await page.getByRole("link", { name: "Balance" }).click();
  await expect(page).toHaveURL(/\/balance$/);
  await expect(page.getByTestId("balance-available")).toHaveText("£300.00");
  await expect(page.getByTestId("balance-moves").locator("li").first()).toContainText("Bank transfer in");
  expect(await ledgerViolations()).toEqual([]);

  // A cardholder and a virtual card on the Issuing balance, created in the embedded cards list.
  await page.getByRole("link", { name: "Cards" }).click();
  await expect(page).toHaveURL(/\/cards$/);
  const list = page.getByTestId("cards-components");
  await list.getByRole("button", { name: "Add cardholder" }).click();
  await list.getByLabel("First name").fill("Jo");
  await list.getByLabel("Last name").fill("Journey");
  await list.getByLabel("Street address").fill("1 High Street");
  await list.getByLabel("City").fill("London");
  await list.getByLabel("Postal code").fill("EC1A 1BB");
  await list.getByLabel("The cardholder accepts the Issuing terms").check();
  await list.getByRole("button", { name: "Save cardholder" }).click();
  await list.getByRole("button", { name: "Create card" }).click();
  await list.getByLabel("Activate the card now").check();
  await list.getByRole("button", { name: "Create virtual card" }).click();
  await expect(list.getByText(/Virtual card •••• \d{4} created for/)).toBeVisible();
  const cards = await stripe.issuing.cards.list({}, { stripeAccount: account.id });
  expect(cards.data).toHaveLength(1);
  const card = cards.data[0]!;
  expect(card.currency).toBe("gbp");
  expect(card.financial_account ?? null).toBeNull();

  // A purchase in GBP, approved in real time, then captured: the balance is down by the amount.
  await page.getByRole("link", { name: "Sandbox tools" }).click();
  await expect(page).toHaveURL(/\/sandbox-tools$/);
  await expect(async () => {
    await page.reload();
    await page.getByLabel("Card", { exact: true }).selectOption(card.id, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const purchase = page.getByRole("region", { name: "Simulate a card purchase" });
  await purchase.getByLabel("Amount (GBP)").fill("42.50");
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
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("balance-available")).toHaveText("£257.50");
  await expect(page.getByTestId("money-out-30d")).toContainText("£42.50");

  // A payout above the balance is refused next to the amount; then 57.50 goes to the bank.
  await page.getByRole("link", { name: "Balance" }).click();
  await expect(page).toHaveURL(/\/balance$/);
  const payOut = page.getByRole("form", { name: "Pay out to your bank" });
  await payOut.getByLabel("Amount (GBP)").fill("1000");
  await payOut.getByRole("button", { name: "Review payout" }).click();
  await expect(payOut.getByText("You have £257.50 available")).toBeVisible();
  await payOut.getByLabel("Amount (GBP)").fill("57.50");
  await payOut.getByRole("button", { name: "Review payout" }).click();
  await payOut.getByRole("button", { name: "Confirm payout" }).click();
  await expect(page.getByTestId("payout-result")).toContainText("£57.50 payout");
  await expect(page.getByTestId("balance-available")).toHaveText("£200.00");
  const payouts = await stripe.payouts.list({}, { stripeAccount: account.id });
  expect(payouts.data.map((p) => p.amount)).toEqual([5750]);
  expect(await ledgerViolations()).toEqual([]);
});
