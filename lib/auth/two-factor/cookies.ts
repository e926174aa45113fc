import "server-only";
import { cookies, headers } from "next/headers";
import { servedOverHttps } from "@/lib/security/request";
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
