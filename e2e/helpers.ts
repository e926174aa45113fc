import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "sandbox-demo";

/** Reloads until `check` passes: the read models follow Stripe through webhooks. */
export async function eventually(page: Page, check: () => Promise<void>, { timeout = 20_000 } = {}): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectSignedInAs(page: Page, email: string): Promise<void> {
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
}

/** A unique email per test run, so specs can be re-run against the same data. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/**
 * A new user signs up, creates a business and completes Stripe's hosted onboarding (the sandbox
 * approves it), then waits until the home page shows the new, empty balance.
 */
export async function signUpAndOnboard(
  page: Page,
  opts: { email: string; legalName: string; country: "US" | "MX" | "GB"; name?: string; password?: string },
): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(opts.name ?? "Jo Journey");
  await page.getByLabel("Work email").fill(opts.email);
  await page.getByLabel("Password").fill(opts.password ?? "journey-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Legal business name").fill(opts.legalName);
  await page.getByLabel("Country").selectOption(opts.country);
  await page.getByRole("button", { name: "Continue to verification" }).click();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const empty = { MX: "0.00 USDC", GB: "£0.00", US: "$0.00" }[opts.country];
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("balance-available")).toHaveText(empty, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}
