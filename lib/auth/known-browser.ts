import "server-only";
import { sha256, sign, unsign } from "./two-factor/keys";

/**
 * A browser that has signed in as a user before carries a signed cookie naming that user (by a
 * hash of the email), and is spared the slowdown strangers' failures put on the email: someone
 * guessing from address after address can slow a sign-in from a new browser, never from the
 * user's own. Signed like the remembered-device cookie (HMAC under a key derived from AUTH_SECRET).
 * The browser is still held to its own failures and to the per-address blocks.
 */
export const KNOWN_BROWSER_COOKIE = "ic_known";
export const KNOWN_BROWSER_DAYS = 180;
const PURPOSE = "known-browser";
/** Accounts one browser is known for (a shared computer): the most recent first. */
const MAX_ACCOUNTS = 5;

const emailKey = (email: string) => sha256(`${PURPOSE}:${email.trim().toLowerCase()}`).slice(0, 32);

function entries(cookie: string | undefined, now: Date): string[] {
  const value = cookie ? unsign(PURPOSE, cookie) : null;
  const [expires, ...keys] = value?.split("~") ?? [];
  if (!expires || !(Number(expires) > now.getTime())) return [];
  return keys.filter((k) => /^[0-9a-f]{32}$/.test(k));
}

/** Whether this cookie says the browser has signed in as `email` before (and is ours, and not expired). */
export function knownBrowserFor(cookie: string | undefined, email: string, now = new Date()): boolean {
  return entries(cookie, now).includes(emailKey(email));
}

/** The cookie to set after `email` signed in on this browser, keeping the other accounts it knows. */
export function knownBrowserCookie(
  cookie: string | undefined,
  email: string,
  now = new Date(),
): { value: string; expiresAt: Date } {
  const key = emailKey(email);
  const keys = [key, ...entries(cookie, now).filter((k) => k !== key)].slice(0, MAX_ACCOUNTS);
  const expiresAt = new Date(now.getTime() + KNOWN_BROWSER_DAYS * 24 * 60 * 60 * 1000);
  return { value: sign(PURPOSE, [String(expiresAt.getTime()), ...keys].join("~")), expiresAt };
}
