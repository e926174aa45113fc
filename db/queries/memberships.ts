import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { businesses, memberships, users, type Business, type Membership, type MembershipRole } from "@/db/schema";

/** The businesses a user belongs to, with their role in each, oldest membership first. */
export function membershipsOf(
  db: DbOrTx,
  { userId }: { userId: string },
): Promise<Array<{ business: Business; role: MembershipRole; cardholderId: string | null }>> {
  return db
    .select({ business: businesses, role: memberships.role, cardholderId: memberships.cardholderId })
    .from(memberships)
    .innerJoin(businesses, eq(businesses.id, memberships.businessId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

export type TeamMember = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  joinedAt: Date;
};

/** Everyone in one business, owners first, then by when they joined. */
export async function listMembers(db: DbOrTx, { businessId }: { businessId: string }): Promise<TeamMember[]> {
  return db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.businessId, businessId))
    .orderBy(
      sql`case ${memberships.role} when 'owner' then 0 when 'admin' then 1 else 2 end`,
      asc(memberships.createdAt),
    );
}

/** Whether someone with this email (any case) is already in the business. */
export async function isMemberByEmail(
  db: DbOrTx,
  { businessId, email }: { businessId: string; email: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.businessId, businessId), sql`lower(${users.email}) = ${email.toLowerCase()}`))
    .limit(1);
  return Boolean(row);
}

/** One membership, matched within its business only (another business's id matches nothing). */
const theMembership = (businessId: string, membershipId: string) =>
  and(eq(memberships.id, membershipId), eq(memberships.businessId, businessId));

/** Adds the user to the business (a cardholder with their Issuing cardholder); undefined when they already belong to it. */
export async function addMembership(
  db: DbOrTx,
  {
    businessId,
    userId,
    role,
    cardholderId = null,
  }: { businessId: string; userId: string; role: MembershipRole; cardholderId?: string | null },
): Promise<{ id: string } | undefined> {
  const [joined] = await db
    .insert(memberships)
    .values({ userId, businessId, role, cardholderId })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  return joined;
}

/** Locks one membership of this business until the transaction ends. */
export async function lockMembership(
  tx: DbOrTx,
  { businessId, membershipId }: { businessId: string; membershipId: string },
): Promise<Membership | undefined> {
  const [row] = await tx.select().from(memberships).where(theMembership(businessId, membershipId)).for("update");
  return row;
}

/** Locks the business's owners, so two owners can't demote or remove each other at the same moment. */
export async function lockOwners(tx: DbOrTx, { businessId }: { businessId: string }): Promise<Array<{ id: string }>> {
  return tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.businessId, businessId), eq(memberships.role, "owner")))
    .for("update");
}

export async function setMembershipRole(
  db: DbOrTx,
  { businessId, membershipId, role }: { businessId: string; membershipId: string; role: MembershipRole },
): Promise<void> {
  await db.update(memberships).set({ role }).where(theMembership(businessId, membershipId));
}

export async function deleteMembership(
  db: DbOrTx,
  { businessId, membershipId }: { businessId: string; membershipId: string },
): Promise<void> {
  await db.delete(memberships).where(theMembership(businessId, membershipId));
}
