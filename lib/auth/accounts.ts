import { and, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { auditLog, signInFailures, users, type User } from "@/db/schema";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";
import type { SignUpInput } from "./schemas";

/** At most this many failed sign-ins per email in the window, then sign-in is refused. */
export const MAX_FAILED_SIGN_INS = 5;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export type CredentialsResult = { ok: true; user: User } | { ok: false; code: "invalid_credentials" | "rate_limited" };

export async function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return user;
}

async function recentFailures(db: DbOrTx, email: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MS);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gte(signInFailures.createdAt, since)));
  return row?.n ?? 0;
}

/** Checks an email and password, counting failures per email in the database. */
export async function checkCredentials(
  db: DbOrTx,
  email: string,
  password: string,
  now = new Date(),
): Promise<CredentialsResult> {
  const normalized = email.trim().toLowerCase();
  if ((await recentFailures(db, normalized, now)) >= MAX_FAILED_SIGN_INS) return { ok: false, code: "rate_limited" };
  const user = await findUserByEmail(db, normalized);
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid) {
    await db.insert(signInFailures).values({ email: normalized, createdAt: now });
    return { ok: false, code: "invalid_credentials" };
  }
  await db.delete(signInFailures).where(eq(signInFailures.email, normalized));
  return { ok: true, user };
}

export type SignUpResult = { ok: true; user: User } | { ok: false; code: "email_taken" };

export async function signUpUser(db: DbOrTx, input: SignUpInput): Promise<SignUpResult> {
  const passwordHash = await hashPassword(input.password);
  const [user] = await db
    .insert(users)
    .values({ email: input.email.toLowerCase(), name: input.name, passwordHash })
    .onConflictDoNothing()
    .returning();
  if (!user) return { ok: false, code: "email_taken" };
  await db.insert(auditLog).values({ actorUserId: user.id, action: "user.signed_up", target: user.id });
  return { ok: true, user };
}
