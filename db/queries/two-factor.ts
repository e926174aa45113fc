import { and, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { appMeta, users } from "@/db/schema";

// The replay guard and the pending sign-in's attempt budget are per user and short-lived facts, so
// they live in app_meta under per-user keys rather than in columns of their own.
const lastStepKey = (userId: string) => `totp_last_step:${userId}`;
const pendingKey = (userId: string) => `two_factor_pending:${userId}`;

/** Turns 2FA on with this (encrypted) secret; false when it was already on. */
export async function enableTotp(
  db: DbOrTx,
  { userId, encryptedSecret, now }: { userId: string; encryptedSecret: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpSecret: encryptedSecret, totpEnabledAt: now })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Turns 2FA off and forgets the secret and the per-user facts kept for it. */
export async function disableTotp(db: DbOrTx, { userId }: { userId: string }): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null })
    .where(and(eq(users.id, userId), isNotNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  await db.delete(appMeta).where(or(eq(appMeta.key, lastStepKey(userId)), eq(appMeta.key, pendingKey(userId))));
  return rows.length > 0;
}

/**
 * Records `step` as the user's last accepted TOTP time-step, only if it is later than the last one:
 * true when it was (the code may be accepted), false for a replay. One statement, so two requests
 * racing with the same code cannot both win.
 */
export async function claimTotpStep(db: DbOrTx, { userId, step }: { userId: string; step: number }): Promise<boolean> {
  const rows = await db
    .insert(appMeta)
    .values({ key: lastStepKey(userId), value: step, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: appMeta.key,
      set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
      setWhere: sql`(${appMeta.value} #>> '{}')::bigint < (excluded.value #>> '{}')::bigint`,
    })
    .returning({ key: appMeta.key });
  return rows.length > 0;
}

/** A new pending sign-in (password right, code not yet given) replaces any earlier one of the user. */
export async function startPendingSignIn(
  db: DbOrTx,
  { userId, nonce }: { userId: string; nonce: string },
): Promise<void> {
  const value = { nonce, attempts: 0 };
  await db
    .insert(appMeta)
    .values({ key: pendingKey(userId), value, updatedAt: new Date() })
    .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: new Date() } });
}

/**
 * Spends one attempt of the pending sign-in `nonce` before its code is checked (so parallel guesses
 * cannot exceed the budget); false when it is not the user's latest pending sign-in or is spent.
 */
export async function takePendingAttempt(
  db: DbOrTx,
  { userId, nonce, max }: { userId: string; nonce: string; max: number },
): Promise<boolean> {
  const rows = await db
    .update(appMeta)
    .set({
      value: sql`jsonb_set(${appMeta.value}, '{attempts}', to_jsonb((${appMeta.value} ->> 'attempts')::int + 1))`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(appMeta.key, pendingKey(userId)),
        sql`${appMeta.value} ->> 'nonce' = ${nonce}`,
        sql`(${appMeta.value} ->> 'attempts')::int < ${max}`,
      ),
    )
    .returning({ key: appMeta.key });
  return rows.length > 0;
}

/** The pending sign-in succeeded: its token can't be used again. */
export async function endPendingSignIn(db: DbOrTx, { userId }: { userId: string }): Promise<void> {
  await db.delete(appMeta).where(eq(appMeta.key, pendingKey(userId)));
}
