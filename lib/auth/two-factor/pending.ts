import "server-only";
import type { DbOrTx } from "@/db/connect";
import { endPendingSignIn, startPendingSignIn, takePendingAttempt } from "@/db/queries/two-factor";
import { clearSignInFailures, recordSignInFailure } from "@/db/queries/sign-in-failures";
import { getUser } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { signInThrottle, type Throttle } from "../sign-in-throttle";
import { randomToken, sign, unsign } from "./keys";
import { verifySecondFactor } from "./verify";

/**
 * Between the password and the code, the browser holds a short-lived signed cookie naming the user.
 * The attempt budget is kept server-side (a cookie can be replayed): five codes, then sign in again.
 */
export const PENDING_COOKIE = "ic_2fa_pending";
export const PENDING_MINUTES = 5;
export const PENDING_MAX_ATTEMPTS = 5;
const PURPOSE = "pending-sign-in";

type Pending = { userId: string; nonce: string };

/** Starts a pending sign-in for the user (any earlier one is void) and returns its cookie value. */
export async function beginPendingSignIn(
  db: DbOrTx,
  { userId, now = new Date() }: { userId: string; now?: Date },
): Promise<string> {
  const nonce = randomToken(16);
  await startPendingSignIn(db, { userId, nonce });
  const expires = now.getTime() + PENDING_MINUTES * 60 * 1000;
  return sign(PURPOSE, Buffer.from(JSON.stringify({ u: userId, n: nonce, e: expires })).toString("base64url"));
}

/** Who the token names, if it is ours and unexpired (the attempt budget is checked separately). */
export function readPendingToken(token: string | undefined, now = new Date()): Pending | null {
  const value = token ? unsign(PURPOSE, token) : null;
  if (!value) return null;
  try {
    const { u, n, e } = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Record<string, unknown>;
    if (typeof u !== "string" || typeof n !== "string" || typeof e !== "number" || e <= now.getTime()) return null;
    return { userId: u, nonce: n };
  } catch {
    return null;
  }
}

export type PendingOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: "expired" | "wrong_code" }
  | { ok: false; reason: "throttled"; throttle: Throttle };

/**
 * Wrong codes are failed sign-ins under their own key: the right password (which clears the
 * email's failures from that address) must not also forget the codes guessed after it.
 */
export const secondFactorThrottleKey = (email: string) => `2fa:${email.trim().toLowerCase()}`;

/**
 * Finishes a pending sign-in with the second factor: spends an attempt, checks the code (consuming
 * a recovery code), and on success voids the token so it can't sign in twice.
 */
export async function completePendingSignIn(
  db: DbOrTx,
  { token, code, address, now = new Date() }: { token: string; code: string; address: string; now?: Date },
): Promise<PendingOutcome> {
  const pending = readPendingToken(token, now);
  if (!pending) return { ok: false, reason: "expired" };
  const user = await getUser(db, { userId: pending.userId });
  if (!user?.totpEnabledAt) return { ok: false, reason: "expired" };
  const key = secondFactorThrottleKey(user.email);
  const throttle = await signInThrottle(db, key, address, now);
  if (throttle) return { ok: false, reason: "throttled", throttle };
  if (!(await takePendingAttempt(db, { ...pending, max: PENDING_MAX_ATTEMPTS })))
    return { ok: false, reason: "expired" };
  if (!(await verifySecondFactor(db, user, code, now))) {
    await recordSignInFailure(db, { email: key, address, at: now });
    return { ok: false, reason: "wrong_code" };
  }
  await clearSignInFailures(db, { email: key, address });
  await endPendingSignIn(db, { userId: user.id });
  return { ok: true, user };
}
