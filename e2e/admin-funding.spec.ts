import { expect, test } from "@playwright/test";
import { MX_NAME, UK_NAME, US_NAME, V2_VERSION, openReview, sandboxStripe, signInAdmin } from "./admin-helpers";

const stripe = sandboxStripe();

// Other specs move the demo businesses' money while these run (purchases, fundings, customer
// payments), so a funding is found as its own Stripe object, not as a difference of balances.

/** The platform's outbound payments of `value` (cents) to `accountId`'s USDC wallet. */
async function platformUsdcPayments(accountId: string, value: number): Promise<number> {
  type Page = { data: Array<{ amount: { value: number }; to: { recipient: string } }>; next_page_url: string | null };
  let n = 0;
  // Every page (v2 lists give 20 at a time, newest first), so an older payment never falls out of the count.
  for (let url: string | null = "/v2/money_management/outbound_payments"; url;) {
    const page = (await stripe.rawRequest("GET", url, undefined, { apiVersion: V2_VERSION })) as unknown as Page;
    n += page.data.filter((p) => p.to.recipient === accountId && p.amount.value === value).length;
    url = page.next_page_url;
  }
  return n;
}

async function usdcBalance(accountId: string): Promise<number> {
  const list = (await stripe.rawRequest("GET", "/v2/money_management/financial_accounts", undefined, {
    apiVersion: V2_VERSION,
    stripeContext: accountId,
  })) as unknown as {
    data: Array<{ balance: { available: Record<string, { value: number }> } }>;
  };
  return list.data[0]?.balance.available.usdc?.value ?? 0;
}

test("the admin finds the Mexican business by search, funds it with 50.00 USD and sees 50.00 USDC arrive", async ({
  page,
}) => {
  await signInAdmin(page);
  const accountId = await openReview(page, "aurora", MX_NAME);
  const before = await platformUsdcPayments(accountId, 5000);

  await page.getByLabel("Amount (USD)").fill("50.00");
  await page.getByRole("button", { name: "Review funding" }).click();
  // Nothing has moved before the confirmation.
  await expect(page.getByTestId("fund-confirm-text")).toContainText("$50.00");
  await expect(page.getByTestId("fund-confirm-text")).toContainText("50.00 USDC");
  expect(await platformUsdcPayments(accountId, 5000)).toBe(before);

  await page.getByRole("button", { name: "Confirm funding" }).click();
  await expect(page.getByTestId("fund-result")).toHaveText(`Sent $50.00; ${MX_NAME} received 50.00 USDC.`);
  expect(await platformUsdcPayments(accountId, 5000)).toBe(before + 1);
  // The balance shown is Stripe's (other specs move this business's money too: read both together).
  await expect(async () => {
    await page.reload();
    const expected = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2 }).format(
      (await usdcBalance(accountId)) / 100,
    );
    await expect(page.getByTestId("balance-usdc")).toHaveText(`${expected} USDC`, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("fundings")).toContainText("$50.00");
  await expect(page.getByTestId("audit-entry").filter({ hasText: "admin.account.funded" })).toHaveCount(1);
});

/** Credits of `amount` (cents) received by `accountId`'s Treasury financial account. */
async function receivedCredits(accountId: string, amount: number): Promise<number> {
  const opts = { stripeAccount: accountId };
  const fa = (await stripe.treasury.financialAccounts.list({}, opts)).data[0]!.id;
  const credits = await stripe.treasury.transactions
    .list({ financial_account: fa, limit: 100 }, opts)
    .autoPagingToArray({ limit: 10_000 });
  return credits.filter((t) => t.flow_type === "received_credit" && t.amount === amount).length;
}

async function usdCash(accountId: string): Promise<number> {
  const list = await stripe.treasury.financialAccounts.list({}, { stripeAccount: accountId });
  return list.data[0]?.balance.cash.usd ?? 0;
}

test("the admin funds the US business with 1,250.50 USD from the platform's Treasury account, after a review", async ({
  page,
}) => {
  await signInAdmin(page);
  const accountId = await openReview(page, "acme", US_NAME);
  const before = await receivedCredits(accountId, 125050);

  await page.getByLabel("Amount (USD)").fill("1,250.50");
  await page.getByRole("button", { name: "Review funding" }).click();
  await expect(page.getByTestId("fund-confirm-text")).toHaveText(`Send $1,250.50 from the platform to ${US_NAME}.`);
  expect(await receivedCredits(accountId, 125050)).toBe(before);

  await page.getByRole("button", { name: "Confirm funding" }).click();
  await expect(page.getByTestId("fund-result")).toHaveText(`Sent $1,250.50; ${US_NAME} received $1,250.50.`);
  expect(await receivedCredits(accountId, 125050)).toBe(before + 1);
  await expect(async () => {
    await page.reload();
    const expected = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(
      (await usdCash(accountId)) / 100,
    );
    await expect(page.getByTestId("balance-usd")).toHaveText(expected, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("audit-entry").filter({ hasText: "admin.account.funded" })).toHaveCount(1);
});

async function gbpIssuing(accountId: string): Promise<number> {
  const balance = await stripe.balance.retrieve({}, { stripeAccount: accountId });
  return balance.issuing?.available.find((a) => a.currency === "gbp")?.amount ?? 0;
}

test("the admin sees the UK business's bank details and, in sandbox mode, sends 100.00 GBP to its Issuing balance", async ({
  page,
}) => {
  await signInAdmin(page);
  const accountId = await openReview(page, "brightside", UK_NAME);
  await expect(page.getByTestId("bank-sort-code")).toHaveText(/^\d{2}-\d{2}-\d{2}$/);
  const before = await gbpIssuing(accountId);
  await page.getByLabel("Amount (GBP)").fill("100");
  await page.getByRole("button", { name: "Review funding" }).click();
  await expect(page.getByTestId("fund-confirm-text")).toHaveText(
    `Transfer £100.00 by bank transfer into the Issuing balance of ${UK_NAME}.`,
  );
  expect(await gbpIssuing(accountId)).toBe(before);
  await page.getByRole("button", { name: "Confirm funding" }).click();
  await expect(page.getByTestId("fund-result")).toHaveText(`Sent £100.00; ${UK_NAME} received £100.00.`);
  expect(await gbpIssuing(accountId)).toBe(before + 10000);
  await expect(page.getByTestId("audit-entry").filter({ hasText: "admin.account.funded" })).toHaveCount(1);
});

test("a bad amount is explained next to the field and moves nothing", async ({ page }) => {
  await signInAdmin(page);
  const accountId = await openReview(page, "Comercial", MX_NAME);
  const paid = async () =>
    (await platformUsdcPayments(accountId, 1234)) + (await platformUsdcPayments(accountId, 1235));
  const before = await paid();
  await page.getByLabel("Amount (USD)").fill("12.345");
  await page.getByRole("button", { name: "Review funding" }).click();
  await expect(page.locator("[data-field-error=amount]")).toHaveText("Use at most 2 decimal places");
  expect(await paid()).toBe(before);
});
