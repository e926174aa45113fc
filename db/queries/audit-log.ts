import { and, asc, desc, eq, gte, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { auditLog, memberships, users } from "@/db/schema";
import { afterCursor, cursorText, encodeCursor, type Cursor } from "./events";

/** One audit row. `businessId` is null for what happens outside any business (signing up, platform staff). */
export type AuditRecord = {
  businessId?: string | null;
  actorUserId: string | null;
  action: string;
  target?: string | null;
  data?: Record<string, unknown>;
};

/** Writes one audit row; pass the transaction when the row must commit with the change it records. */
export async function recordAudit(db: DbOrTx, entry: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    businessId: entry.businessId ?? null,
    actorUserId: entry.actorUserId,
    action: entry.action,
    target: entry.target ?? null,
    data: entry.data ?? {},
  });
}

/** The data of the business's newest audit row of this action (say, which cards the last admin freeze froze). */
export async function lastAuditData(
  db: DbOrTx,
  { businessId, action }: { businessId: string; action: string },
): Promise<Record<string, unknown> | undefined> {
  const [last] = await db
    .select({ data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.businessId, businessId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  return last?.data;
}

/** How many rows of this action the user caused against this target since `since` (say, failed step-ups of a session). */
export async function countRecentAudit(
  db: DbOrTx,
  { actorUserId, action, target, since }: { actorUserId: string; action: string; target: string; since: Date },
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorUserId, actorUserId),
        eq(auditLog.action, action),
        eq(auditLog.target, target),
        gte(auditLog.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}

export const ACTIVITY_PAGE_SIZE = 50;

export type ActivityFilters = { actorUserId?: string; action?: string; before?: Cursor };

/** Who acted: a member (or former member) by name, else what they are to the business. */
export type ActivityActor = {
  userId: string | null;
  name: string | null;
  email: string | null;
  isMember: boolean;
  platformAdmin: boolean;
};

const actorColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  membership: memberships.id,
  platformRole: users.platformRole,
};
const toActor = (r: {
  userId: string | null;
  name: string | null;
  email: string | null;
  membership: string | null;
  platformRole: string | null;
}): ActivityActor => ({
  userId: r.userId,
  name: r.name,
  email: r.email,
  isMember: r.membership !== null,
  platformAdmin: r.platformRole === "platform_admin",
});

/** The business's audit rows, newest first, with who did each; keyset pages of 50 (see `listEvents`). */
export async function listBusinessActivity(db: DbOrTx, { businessId, ...f }: { businessId: string } & ActivityFilters) {
  const conds: SQL[] = [eq(auditLog.businessId, businessId)];
  if (f.actorUserId) conds.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.before) conds.push(afterCursor(auditLog.createdAt, auditLog.id, f.before));
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      data: auditLog.data,
      at: auditLog.createdAt,
      cursorAt: cursorText(auditLog.createdAt),
      ...actorColumns,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(memberships, and(eq(memberships.businessId, businessId), eq(memberships.userId, auditLog.actorUserId)))
    .where(and(...conds))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(ACTIVITY_PAGE_SIZE + 1);
  const page = rows.slice(0, ACTIVITY_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({ id: r.id, action: r.action, data: r.data, at: r.at, actor: toActor(r) })),
    next: rows.length > ACTIVITY_PAGE_SIZE && last ? encodeCursor(last) : null,
  };
}

/** The filters' choices: the business's members and anyone else who acted on it, and the kinds of rows it has. */
export async function activityFilterOptions(db: DbOrTx, { businessId }: { businessId: string }) {
  const [members, actors, kinds] = await Promise.all([
    db
      .select({ ...actorColumns })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.businessId, businessId))
      .orderBy(asc(users.name)),
    db
      .selectDistinct({ ...actorColumns })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(memberships, and(eq(memberships.businessId, businessId), eq(memberships.userId, users.id)))
      .where(eq(auditLog.businessId, businessId)),
    db
      .selectDistinct({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.businessId, businessId))
      .orderBy(asc(auditLog.action)),
  ]);
  const people = new Map<string, ActivityActor>();
  for (const r of [...members, ...actors]) if (r.userId && !people.has(r.userId)) people.set(r.userId, toActor(r));
  return { people: [...people.values()], kinds: kinds.map((k) => k.action) };
}

/** The newest audit row of one of `actions` on `target` in the business (say, who last froze a card), or undefined. */
export async function lastAuditOn(
  db: DbOrTx,
  { businessId, target, actions }: { businessId: string; target: string; actions: string[] },
): Promise<{ action: string; actorUserId: string | null } | undefined> {
  const [last] = await db
    .select({ action: auditLog.action, actorUserId: auditLog.actorUserId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.businessId, businessId),
        eq(auditLog.target, target),
        or(...actions.map((a) => eq(auditLog.action, a))),
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  return last;
}
