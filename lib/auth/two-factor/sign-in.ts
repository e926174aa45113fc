import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import type { User } from "@/db/schema";
import { DEVICE_COOKIE, deviceRemembered } from "./devices";

/** The second step's credentials, as the verify form sends them to Auth.js: the pending token and the code. */
export const pendingSignInSchema = z.object({
  pending: z.string().min(1).max(2000),
  code: z.string().max(100),
});

/** One cookie from a request's Cookie header (Auth.js hands `authorize` a plain Request). */
export function cookieFrom(headers: { get(name: string): string | null }, name: string): string | undefined {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * After the right password: whether a code is still needed. Yes when the user has 2FA on, unless
 * this browser carries a live remembered-device cookie of theirs.
 */
export async function secondFactorDue(
  db: DbOrTx,
  user: Pick<User, "id" | "totpEnabledAt">,
  headers: { get(name: string): string | null },
): Promise<boolean> {
  if (!user.totpEnabledAt) return false;
  return !(await deviceRemembered(db, { userId: user.id, cookie: cookieFrom(headers, DEVICE_COOKIE) }));
}
