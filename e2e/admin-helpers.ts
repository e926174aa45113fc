import { expect, type Page } from "@playwright/test";
import Stripe from "stripe";
import { signIn } from "./helpers";

export const MX_NAME = "Comercial Aurora S.A. de C.V.";
export const US_NAME = "Acme Supplies Inc.";
export const UK_NAME = "Brightside Supplies Ltd";
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
  const sections = page.getByRole("navigation", { name: "Admin sections" });
  await sections.getByRole("link", { name: "Accounts" }).click();
  // The header marks the section the admin is in.
  await expect(sections.getByRole("link", { name: "Accounts" })).toHaveAttribute("aria-current", "page");
  await expect(sections.locator("[aria-current]")).toHaveCount(1);
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

export { issueCard } from "../testing/issue-card";

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
