import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { adminInvites, type AdminInviteRow } from "@/db/schema";

export async function insertAdminInvite(
  db: DbOrTx,
  invite: { email: string; tokenHash: string; invitedBy: string; expiresAt: Date },
): Promise<{ id: string }> {
  const [row] = await db.insert(adminInvites).values(invite).returning({ id: adminInvites.id });
  return row!;
}

export async function adminInviteByTokenHash(
  db: DbOrTx,
  { tokenHash }: { tokenHash: string },
): Promise<AdminInviteRow | undefined> {
  const [row] = await db.select().from(adminInvites).where(eq(adminInvites.tokenHash, tokenHash)).limit(1);
  return row;
}

/** Marks a live invite used by this user; false when it was used or expired meanwhile (of two accepts, one wins). */
export async function claimAdminInvite(
  db: DbOrTx,
  { inviteId, userId, now }: { inviteId: string; userId: string; now: Date },
): Promise<boolean> {
  const claimed = await db
    .update(adminInvites)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(and(eq(adminInvites.id, inviteId), isNull(adminInvites.acceptedAt), gt(adminInvites.expiresAt, now)))
    .returning({ id: adminInvites.id });
  return claimed.length > 0;
}

/** The newest invitations, used or not, for the admins page. */
export function recentAdminInvites(db: DbOrTx, { limit = 50 }: { limit?: number } = {}) {
  return db
    .select({
      id: adminInvites.id,
      email: adminInvites.email,
      expiresAt: adminInvites.expiresAt,
      acceptedAt: adminInvites.acceptedAt,
      createdAt: adminInvites.createdAt,
    })
    .from(adminInvites)
    .orderBy(desc(adminInvites.createdAt))
    .limit(limit);
}
