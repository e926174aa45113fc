import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "sandbox-demo";

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
