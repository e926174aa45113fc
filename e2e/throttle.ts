import { expect, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers";

export const WRONG = "That email and password don't match an account";
export const SLOWED = /^Too many attempts for this account\. Try again in (\d+) seconds?$/;
export const BLOCKED = /^Too many failed sign-ins from your network\. Try again in \d+ minutes?$/;

/**
 * A browser whose requests come from `address`. The test server trusts one proxy
 * (`TRUST_PROXY_HOPS=1`, set by scripts/test-e2e.mjs), so it takes the x-forwarded-for a client
 * sends: every test's sign-ins would otherwise share 127.0.0.1, whose block would stop the rest
 * of the suite.
 */
export async function pageFrom(browser: Browser, address: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
  return context.newPage();
}

/** Signs in and returns the form's alert (signing in afresh from /sign-in, so never a stale one). */
export async function signInAnswer(page: Page, email: string, password: string): Promise<string> {
  await signIn(page, email, password);
  const alert = page.getByTestId("form-alert");
  await expect(alert).toBeVisible();
  return (await alert.textContent())?.trim() ?? "";
}

/** Seconds to wait in a "Try again in N seconds" answer, or null for any other answer. */
export function slowedFor(answer: string): number | null {
  const m = SLOWED.exec(answer);
  return m ? Number(m[1]) : null;
}

/**
 * Wrong passwords, waiting out short slowdowns, until the account asks for a wait of at least
 * `minSeconds` (long enough that the next attempt surely lands inside it). Returns that wait.
 */
export async function wrongUntilSlowed(page: Page, email: string, minSeconds: number): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const answer = await signInAnswer(page, email, `wrong-${i}`);
    const wait = slowedFor(answer);
    if (wait === null) expect(answer).toBe(WRONG);
    else if (wait >= minSeconds) return wait;
    else await page.waitForTimeout(wait * 1000);
  }
  throw new Error(`${email} was never slowed down`);
}
