// Steps the per-model journeys share, done as a user does them in the browser.
import { expect, type Page } from "@playwright/test";
import Stripe from "stripe";

const sandboxUrl = new URL(process.env.E2E_SANDBOX_URL ?? "http://127.0.0.1:12111");

/** The sandbox through the official SDK: what a test checks Stripe's side with. */
export const journeyStripe = new Stripe("sk_test_e2e_journey", {
  host: sandboxUrl.hostname,
  port: Number(sandboxUrl.port),
  protocol: "http",
});

export async function accountByEmail(email: string): Promise<Stripe.Account> {
  for await (const a of journeyStripe.accounts.list({ limit: 100 })) if (a.email === email) return a;
  throw new Error(`no account for ${email}`);
}

/** The sandbox rechecks its ledger from its journals: every balance equals the sum of its entries. */
export async function ledgerViolations(): Promise<unknown[]> {
  const res = await fetch(`${sandboxUrl.origin}/_sandbox/ledger/violations`);
  return ((await res.json()) as { violations: unknown[] }).violations;
}

/** Follows a link of the app's navigation and waits for its page. */
export async function goTo(page: Page, link: string, path: string): Promise<void> {
  await page.getByRole("link", { name: link }).click();
  await expect(page).toHaveURL(new RegExp(`/${path}$`));
}

/** A cardholder and an active virtual card, created in the embedded cards list; returns the card. */
export async function createVirtualCard(
  page: Page,
  accountId: string,
  address: { line1: string; city: string; postalCode: string },
): Promise<Stripe.Issuing.Card> {
  await goTo(page, "Cards", "cards");
  const list = page.getByTestId("cards-components");
  await list.getByRole("button", { name: "Add cardholder" }).click();
  await list.getByLabel("First name").fill("Jo");
  await list.getByLabel("Last name").fill("Journey");
  await list.getByLabel("Street address").fill(address.line1);
  await list.getByLabel("City").fill(address.city);
  await list.getByLabel("Postal code").fill(address.postalCode);
  await list.getByLabel("The cardholder accepts the Issuing terms").check();
  await list.getByRole("button", { name: "Save cardholder" }).click();
  await list.getByRole("button", { name: "Create card" }).click();
  await list.getByLabel("Activate the card now").check();
  await list.getByRole("button", { name: "Create virtual card" }).click();
  await expect(list.getByText(/Virtual card •••• \d{4} created for/)).toBeVisible();
  const cards = await journeyStripe.issuing.cards.list({}, { stripeAccount: accountId });
  expect(cards.data).toHaveLength(1);
  expect(cards.data[0]!.status).toBe("active");
  return cards.data[0]!;
}

/** A purchase on the card in the sandbox tools, approved in real time, then captured. */
export async function purchaseAndCapture(page: Page, cardId: string, amount: string, currency: string): Promise<void> {
  await goTo(page, "Sandbox tools", "sandbox-tools");
  const purchase = page.getByRole("region", { name: "Simulate a card purchase" });
  await expect(async () => {
    await page.reload();
    await purchase.getByLabel("Card", { exact: true }).selectOption(cardId, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await purchase.getByLabel(`Amount (${currency})`).fill(amount);
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
}

/** Money in for a new US business: an ACH credit to its financial account from the sandbox tools. */
export async function receiveAchCredit(page: Page, amount: string): Promise<void> {
  await goTo(page, "Sandbox tools", "sandbox-tools");
  await page.getByLabel("Amount (USD)").last().fill(amount);
  await page.getByRole("button", { name: "Receive ACH credit" }).click();
  await expect(page.getByTestId("receive-result")).toBeVisible();
}
