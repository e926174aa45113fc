import { and, desc, eq } from "drizzle-orm";
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
