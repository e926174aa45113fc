import { and, count, desc, eq, exists, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { memberships, outbox, users } from "@/db/schema";

/** One email as the sandbox's outbox panel shows it: `body` is null when it holds a private link. */
export type OutboxEntry = {
  id: string;
  to: string;
  subject: string;
  kind: string;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  failed: boolean;
  body: string | null;
};

/**
 * Alert emails (`notify.*`) say nothing an owner can't see in the app; every other email (today a
 * password reset) may carry a link that acts as its recipient, so only the recipient sees its body.
 */
export function showsBody(row: { kind: string; to: string }, viewerEmail: string): boolean {
  return row.kind.startsWith("notify.") || row.to.toLowerCase() === viewerEmail.toLowerCase();
}

/**
 * The app's emails to this business's members: addressed to someone with a membership in it, and
 * either about this business or about no business (personal mail). Another business's alert to a
 * person who belongs to both stays with that business.
 */
function ofBusiness(db: DbOrTx, businessId: string) {
  const member = db
    .select({ one: sql`1` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.businessId, businessId), sql`lower(${users.email}) = lower(${outbox.to})`));
  return and(exists(member), or(eq(outbox.businessId, businessId), isNull(outbox.businessId)));
}

/** A page of the business's outbox, newest first, with the bodies the viewer may read. */
export async function listBusinessOutbox(
  db: DbOrTx,
  {
    businessId,
    viewerEmail,
    limit,
    offset,
  }: { businessId: string; viewerEmail: string; limit: number; offset: number },
): Promise<{ rows: OutboxEntry[]; total: number }> {
  const where = ofBusiness(db, businessId);
  const [rows, [counted]] = await Promise.all([
    db.select().from(outbox).where(where).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(outbox).where(where),
  ]);
  return {
    total: Number(counted?.n ?? 0),
    rows: rows.map((r) => ({
      id: r.id,
      to: r.to,
      subject: r.subject,
      kind: r.kind,
      createdAt: r.createdAt,
      sentAt: r.sentAt,
      attempts: r.attempts,
      failed: r.sentAt === null && r.lastError !== null,
      body: showsBody(r, viewerEmail) ? r.text : null,
    })),
  };
}
