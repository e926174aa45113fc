import { and, desc, eq, isNull, lt, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { userSessions, type UserSession } from "@/db/schema";

export async function createUserSession(
  db: DbOrTx,
  { userId, userAgent, ipAddress }: { userId: string; userAgent: string | null; ipAddress: string | null },
): Promise<UserSession> {
  const [row] = await db.insert(userSessions).values({ userId, userAgent, ipAddress }).returning();
  return row!;
}

/** The session if it is the user's and still live (not revoked). */
export async function liveUserSession(
  db: DbOrTx,
  { userId, sessionId }: { userId: string; sessionId: string },
): Promise<UserSession | null> {
  const [row] = await db
    .select()
    .from(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
  return row ?? null;
}

/** Marks the session seen, at most once a minute (no write on every request). */
export async function touchUserSession(
  db: DbOrTx,
  { sessionId, now }: { sessionId: string; now: Date },
): Promise<void> {
  await db
    .update(userSessions)
    .set({ lastSeenAt: now })
    .where(
      and(eq(userSessions.id, sessionId), lt(userSessions.lastSeenAt, sql`${now}::timestamptz - interval '1 minute'`)),
    );
}

/** The user proved who they are again (a step-up): sensitive actions are allowed for a few minutes. */
export async function recordProof(db: DbOrTx, { sessionId, now }: { sessionId: string; now: Date }): Promise<void> {
  await db.update(userSessions).set({ lastProofAt: now, lastSeenAt: now }).where(eq(userSessions.id, sessionId));
}

/** The user's live sessions, newest first. */
export async function listUserSessions(db: DbOrTx, { userId }: { userId: string }): Promise<UserSession[]> {
  return db
    .select()
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .orderBy(desc(userSessions.lastSeenAt))
    .limit(100);
}

/** Ends one of the user's sessions; false when it was not theirs or already ended. */
export async function revokeUserSession(
  db: DbOrTx,
  { userId, sessionId }: { userId: string; sessionId: string },
): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

/**
 * Ends every session of the user (sign out everywhere, password change, 2FA reset), except
 * `keep` when the user stays signed in on the browser that asked.
 */
export async function revokeAllUserSessions(
  db: DbOrTx,
  { userId, keep }: { userId: string; keep?: string | null },
): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        keep ? ne(userSessions.id, keep) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}

/** Sandbox mode's "ask for my password again": the session's proof is made `ageMs` old (only ever older). */
export async function ageProof(db: DbOrTx, { sessionId, ageMs }: { sessionId: string; ageMs: number }): Promise<void> {
  await db
    .update(userSessions)
    .set({ lastProofAt: sql`least(${userSessions.lastProofAt}, now() - make_interval(secs => ${ageMs / 1000}))` })
    .where(eq(userSessions.id, sessionId));
}
