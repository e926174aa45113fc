import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { auditLog } from "@/db/schema";

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
