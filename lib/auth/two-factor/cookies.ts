import "server-only";
import { cookies, headers } from "next/headers";
import { servedOverHttps } from "@/lib/security/request";
import { KNOWN_BROWSER_COOKIE, knownBrowserCookie } from "../known-browser";
import { DEVICE_COOKIE } from "./devices";
import { PENDING_COOKIE, PENDING_MINUTES } from "./pending";

/** httpOnly, SameSite=Lax, Secure when the app is served over https (as Auth.js decides for its own). */
async function options(expires: Date) {
  return { httpOnly: true, sameSite: "lax" as const, secure: servedOverHttps(await headers()), path: "/", expires };
}

export async function setPendingCookie(token: string, now = new Date()): Promise<void> {
  (await cookies()).set(PENDING_COOKIE, token, await options(new Date(now.getTime() + PENDING_MINUTES * 60 * 1000)));
}

export async function pendingCookie(): Promise<string | undefined> {
  return (await cookies()).get(PENDING_COOKIE)?.value;
}

export async function clearPendingCookie(): Promise<void> {
  (await cookies()).delete(PENDING_COOKIE);
}

export async function setDeviceCookie(value: string, expires: Date): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE, value, await options(expires));
}

export async function requestUserAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}

/** The known-browser cookie as the browser sent it (`lib/auth/known-browser.ts`). */
export async function knownBrowserCookieValue(): Promise<string | undefined> {
  return (await cookies()).get(KNOWN_BROWSER_COOKIE)?.value;
}

/** After a successful sign-in as `email`: this browser is known for it from now on. */
export async function rememberKnownBrowser(email: string, now = new Date()): Promise<void> {
  const next = knownBrowserCookie(await knownBrowserCookieValue(), email, now);
  (await cookies()).set(KNOWN_BROWSER_COOKIE, next.value, await options(next.expiresAt));
}
