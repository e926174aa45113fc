import type { DbOrTx } from "@/db/connect";
import { emailFailures, nthAddressFailure } from "@/db/queries/sign-in-failures";

/**
 * Failed sign-ins slow an account down but never lock it: anyone may type a user's email, so a
 * lock would let them keep the user out. Addresses are what get blocked, for a short while.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failures for one email (from anywhere) before each further one doubles the wait. */
export const FREE_FAILURES_PER_EMAIL = 3;
export const MAX_EMAIL_DELAY_MS = 30_000;
/** Failures from one address (any email) in the window that block it. */
export const MAX_FAILURES_PER_ADDRESS = 20;
/** Failures from one address for one email in the window that block that pair: brute force hits this first. */
export const MAX_FAILURES_PER_EMAIL_FROM_ADDRESS = 10;

export type Throttle = { code: "account_throttled" | "network_blocked"; retryAfterMs: number };

/** How long after its last failure an email's password is checked again, given its failures in the window. */
export function emailDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES_PER_EMAIL) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_FAILURES_PER_EMAIL - 1), MAX_EMAIL_DELAY_MS);
}

/**
 * Whether a sign-in for `email` from `address` must wait, in two queries. A block lasts until the
 * failure that reached the limit leaves the window; attempts refused here are not failures, so
 * waiting them out is all it takes. A `knownBrowser` (one that has signed in as this user before,
 * `known-browser.ts`) waits only for the email's failures from its own address: strangers guessing
 * from other addresses can't keep the user's own browser waiting. The blocks apply to it as to any.
 */
export async function signInThrottle(
  db: DbOrTx,
  email: string,
  address: string,
  now: Date,
  { knownBrowser = false }: { knownBrowser?: boolean } = {},
): Promise<Throttle | null> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const untilLeavesWindow = (at: Date) => at.getTime() + SIGN_IN_WINDOW_MS - now.getTime();

  const fromAddress = await nthAddressFailure(db, { address, since, nth: MAX_FAILURES_PER_ADDRESS });
  if (fromAddress) return { code: "network_blocked", retryAfterMs: untilLeavesWindow(fromAddress) };

  const forEmail = await emailFailures(db, { email, address, since, nth: MAX_FAILURES_PER_EMAIL_FROM_ADDRESS });
  if (forEmail.nthFromAddress)
    return { code: "network_blocked", retryAfterMs: untilLeavesWindow(forEmail.nthFromAddress) };

  const [count, last] = knownBrowser
    ? [forEmail.countFromAddress, forEmail.lastFromAddress]
    : [forEmail.count, forEmail.last];
  const wait = last ? last.getTime() + emailDelayMs(count) - now.getTime() : 0;
  return wait > 0 ? { code: "account_throttled", retryAfterMs: wait } : null;
}
