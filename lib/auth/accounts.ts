import type { DbOrTx } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import { clearSignInFailures, countSignInFailures, recordSignInFailure } from "@/db/queries/sign-in-failures";
import { createUser, getUserByEmail } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";
import type { SignUpInput } from "./schemas";

/** At most this many failed sign-ins per email in the window, then sign-in is refused. */
export const MAX_FAILED_SIGN_INS = 5;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export type CredentialsResult = { ok: true; user: User } | { ok: false; code: "invalid_credentials" | "rate_limited" };

const recentFailures = (db: DbOrTx, email: string, now: Date) =>
  countSignInFailures(db, { email, since: new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS) });

/** Checks an email and password, counting failures per email in the database. */
export async function checkCredentials(
  db: DbOrTx,
  email: string,
  password: string,
  now = new Date(),
): Promise<CredentialsResult> {
  const normalized = email.trim().toLowerCase();
  if ((await recentFailures(db, normalized, now)) >= MAX_FAILED_SIGN_INS) return { ok: false, code: "rate_limited" };
  const user = await getUserByEmail(db, { email: normalized });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid) {
    await recordSignInFailure(db, { email: normalized, at: now });
    return { ok: false, code: "invalid_credentials" };
  }
  await clearSignInFailures(db, { email: normalized });
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
