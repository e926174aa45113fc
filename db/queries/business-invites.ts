import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { businesses, businessInvites, users, type BusinessInvite } from "@/db/schema";

/** Invitations of the business neither accepted nor revoked (expired ones included). */
const open = (businessId: string) =>
  and(
    eq(businessInvites.businessId, businessId),
    isNull(businessInvites.acceptedAt),
    isNull(businessInvites.revokedAt),
  );

export type PendingInvite = {
  id: string;
  email: string;
  role: BusinessInvite["role"];
  expiresAt: Date;
  invitedByName: string | null;
  expired: boolean;
};

/** Invitations of one business not yet accepted or revoked (expired ones too, marked, so the owner can re-invite). */
export async function listPendingInvites(
  db: DbOrTx,
  { businessId, now = new Date() }: { businessId: string; now?: Date },
): Promise<PendingInvite[]> {
  const rows = await db
    .select({
      id: businessInvites.id,
      email: businessInvites.email,
      role: businessInvites.role,
      expiresAt: businessInvites.expiresAt,
      invitedByName: users.name,
    })
    .from(businessInvites)
    .leftJoin(users, eq(users.id, businessInvites.invitedBy))
    .where(open(businessId))
    .orderBy(desc(businessInvites.createdAt));
  return rows.map((r) => ({ ...r, expired: r.expiresAt.getTime() <= now.getTime() }));
}

/**
 * The invitation with this token hash and its business's name, of any business: the token is the
 * capability. `lock` holds the row until the transaction ends, so it is used once.
 */
export async function inviteByTokenHash(
  db: DbOrTx,
  { tokenHash, lock = false }: { tokenHash: string; lock?: boolean },
): Promise<{ invite: BusinessInvite; businessName: string } | undefined> {
  const query = db
    .select({ invite: businessInvites, businessName: businesses.legalName })
    .from(businessInvites)
    .innerJoin(businesses, eq(businesses.id, businessInvites.businessId))
    .where(eq(businessInvites.tokenHash, tokenHash))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: businessInvites }) : await query;
  return row;
}

export async function markInviteAccepted(
  db: DbOrTx,
  { businessId, inviteId, at }: { businessId: string; inviteId: string; at: Date },
): Promise<void> {
  await db
    .update(businessInvites)
    .set({ acceptedAt: at })
    .where(and(eq(businessInvites.id, inviteId), eq(businessInvites.businessId, businessId)));
}

/** Revokes the business's open invitations for this email (a re-invite replaces them). */
export async function revokeOpenInvitesFor(
  db: DbOrTx,
  { businessId, email, at }: { businessId: string; email: string; at: Date },
): Promise<void> {
  await db
    .update(businessInvites)
    .set({ revokedAt: at })
    .where(and(open(businessId), sql`lower(${businessInvites.email}) = ${email.toLowerCase()}`));
}

export type NewBusinessInvite = {
  businessId: string;
  email: string;
  role: BusinessInvite["role"];
  cardholderId?: string | null;
  tokenHash: string;
  invitedBy: string;
  expiresAt: Date;
  createdAt: Date;
};

export async function insertInvite(db: DbOrTx, invite: NewBusinessInvite): Promise<{ id: string }> {
  const [row] = await db.insert(businessInvites).values(invite).returning({ id: businessInvites.id });
  return row!;
}

/** Withdraws an open invitation of this business: undefined when there is none (another business's id looks missing). */
export async function revokeOpenInvite(
  db: DbOrTx,
  { businessId, inviteId, at }: { businessId: string; inviteId: string; at: Date },
): Promise<{ id: string; email: string } | undefined> {
  const [row] = await db
    .update(businessInvites)
    .set({ revokedAt: at })
    .where(and(eq(businessInvites.id, inviteId), open(businessId)))
    .returning({ id: businessInvites.id, email: businessInvites.email });
  return row;
}
