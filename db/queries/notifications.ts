import { and, arrayContains, count, desc, eq, inArray, isNull, not, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import {
  financialAccounts,
  memberships,
  notifications,
  spendPolicies,
  users,
  type MembershipRole,
  type Notification,
} from "@/db/schema";

export type NewNotification = typeof notifications.$inferInsert;

/** Inserts each row unless its user already has one with the same dedupe key; answers the rows inserted. */
export async function insertNotifications(db: DbOrTx, rows: NewNotification[]): Promise<Notification[]> {
  if (rows.length === 0) return [];
  return db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning();
}

/** One user's notifications, newest first (never anyone else's). */
export async function listNotifications(
  db: DbOrTx,
  { userId, limit, offset }: { userId: string; limit: number; offset: number },
): Promise<Notification[]> {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .offset(offset);
}

export async function countNotifications(db: DbOrTx, { userId }: { userId: string }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(eq(notifications.userId, userId));
  return Number(row?.n ?? 0);
}

export async function countUnread(db: DbOrTx, { userId }: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the user's own notifications read; another user's id matches nothing. */
export async function markRead(db: DbOrTx, { userId, id }: { userId: string; id: string }): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: DbOrTx, { userId }: { userId: string }): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export type Recipient = { userId: string; email: string };

/** The business's people in these roles, with their email. */
export async function membersWithRoles(
  db: DbOrTx,
  { businessId, roles }: { businessId: string; roles: MembershipRole[] },
): Promise<Recipient[]> {
  return db
    .select({ userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.businessId, businessId), inArray(memberships.role, roles)));
}

/** The people whose membership names this Issuing cardholder (the card's holder signs in as them). */
export async function membersForCardholder(
  db: DbOrTx,
  { businessId, cardholderId }: { businessId: string; cardholderId: string },
): Promise<Recipient[]> {
  return db
    .select({ userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.businessId, businessId), eq(memberships.cardholderId, cardholderId)));
}

/** The email of each of these users who has not switched this kind of alert off. */
export async function emailsFor(db: DbOrTx, userIds: string[], kind: string): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, userIds), not(arrayContains(users.emailAlertsOff, [kind]))));
  return new Map(rows.map((r) => [r.id, r.email]));
}

/** The alert kinds this user switched off by email. */
export async function emailAlertsOff(db: DbOrTx, { userId }: { userId: string }): Promise<string[]> {
  const [row] = await db.select({ off: users.emailAlertsOff }).from(users).where(eq(users.id, userId));
  return row?.off ?? [];
}

/** Only ever the user's own row (the id comes from the session). */
export async function saveEmailAlertsOff(db: DbOrTx, { userId, off }: { userId: string; off: string[] }) {
  await db.update(users).set({ emailAlertsOff: off }).where(eq(users.id, userId));
}

/** The stored balances of one financial account row (a treasury/v2 FA, or `issuing:<account>`). */
export async function storedBalances(
  db: DbOrTx,
  { accountId, id }: { accountId: string; id: string },
): Promise<Record<string, { available: number }> | null> {
  const [row] = await db
    .select({ balances: financialAccounts.balances })
    .from(financialAccounts)
    .where(and(eq(financialAccounts.id, id), eq(financialAccounts.accountId, accountId)));
  return row?.balances ?? null;
}

export async function lowBalanceThreshold(db: DbOrTx, { businessId }: { businessId: string }): Promise<number | null> {
  const [row] = await db
    .select({ t: spendPolicies.lowBalanceThreshold })
    .from(spendPolicies)
    .where(eq(spendPolicies.businessId, businessId));
  return row?.t ?? null;
}

export async function saveLowBalanceThreshold(
  db: DbOrTx,
  { businessId, threshold, userId }: { businessId: string; threshold: number | null; userId: string },
): Promise<void> {
  await db
    .insert(spendPolicies)
    .values({ businessId, lowBalanceThreshold: threshold, updatedBy: userId })
    .onConflictDoUpdate({
      target: spendPolicies.businessId,
      set: { lowBalanceThreshold: threshold, updatedBy: userId, updatedAt: sql`now()` },
    });
}
