import type { DbOrTx } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import { clearSignInFailures, recordSignInFailure } from "@/db/queries/sign-in-failures";
import { createUser, getUserByEmail } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { knownBrowserFor } from "./known-browser";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";
import type { SignUpInput } from "./schemas";
import { signInThrottle, type Throttle } from "./sign-in-throttle";

export type CredentialsResult =
  | { ok: true; user: User }
  | { ok: false; code: "invalid_credentials" }
  | { ok: false; code: Throttle["code"]; retryAfterMs: number };

/**
 * Checks an email and password from a client address, throttled by the failures recorded in the
 * database (`sign-in-throttle.ts`). A refused attempt checks no password and records nothing.
 * `knownBrowserCookie`: the browser's known-browser cookie, which spares it strangers' slowdown.
 */
export async function checkCredentials(
  db: DbOrTx,
  email: string,
  password: string,
  address: string,
  now = new Date(),
  knownBrowserCookie?: string,
): Promise<CredentialsResult> {
  const normalized = email.trim().toLowerCase();
  const knownBrowser = knownBrowserFor(knownBrowserCookie, normalized, now);
  const throttle = await signInThrottle(db, normalized, address, now, { knownBrowser });
  if (throttle) return { ok: false, ...throttle };
  const user = await getUserByEmail(db, { email: normalized });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid) {
    await recordSignInFailure(db, { email: normalized, address, at: now });
    return { ok: false, code: "invalid_credentials" };
  }
  await clearSignInFailures(db, { email: normalized, address });
  return { ok: true, user };
}

export type SignUpResult = { ok: true; user: User } | { ok: false; code: "email_taken" };

/** Creates the user and its audit row together: a user never exists without the record of signing up. */
export async function signUpUser(db: DbOrTx, input: SignUpInput): Promise<SignUpResult> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx): Promise<SignUpResult> => {
    const user = await createUser(tx, { email: input.email.toLowerCase(), name: input.name, passwordHash });
    if (!user) return { ok: false, code: "email_taken" };
    await recordAudit(tx, { actorUserId: user.id, action: "user.signed_up", target: user.id });
    return { ok: true, user };
  });
}
