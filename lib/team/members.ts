import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { memberships, users, type Membership, type MembershipRole } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { AssignableRole } from "./schemas";

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

type Target = { businessId: string; actorUserId: string; membershipId: string };

/**
 * Locks the target membership (of this business only: another business's id looks missing) and
 * the business's owners, so two owners can't demote or remove each other at the same moment.
 */
async function lockTarget(
  tx: DbOrTx,
  { businessId, actorUserId, membershipId }: Target,
  verb: "change" | "remove",
): Promise<ActionResult<Membership>> {
  const [target] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.businessId, businessId)))
    .for("update");
  if (!target) return fail("not_found", undefined, "That person isn't in your team.");
  if (target.userId === actorUserId) {
    const message = verb === "change" ? "You can't change your own role." : "You can't remove yourself from the team.";
    return fail("forbidden", undefined, message);
  }
  if (target.role === "owner") {
    const owners = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.businessId, businessId), eq(memberships.role, "owner")))
      .for("update");
    if (owners.length <= 1) {
      return fail(
        "forbidden",
        undefined,
        "A business needs at least one owner, so the last owner can't be changed or removed.",
      );
    }
  }
  return ok(target);
}

export async function changeMemberRole(
  db: DbOrTx,
  input: Target & { role: AssignableRole },
): Promise<ActionResult<{ membershipId: string; from: MembershipRole; to: AssignableRole }>> {
  return db.transaction(async (tx) => {
    const locked = await lockTarget(tx, input, "change");
    if (!locked.ok) return locked;
    const target = locked.data;
    if (target.role !== input.role) {
      await tx
        .update(memberships)
        .set({ role: input.role })
        .where(and(eq(memberships.id, target.id), eq(memberships.businessId, input.businessId)));
    }
    return ok({ membershipId: target.id, from: target.role, to: input.role });
  });
}

export async function removeMember(
  db: DbOrTx,
  input: Target,
): Promise<ActionResult<{ membershipId: string; userId: string }>> {
  return db.transaction(async (tx) => {
    const locked = await lockTarget(tx, input, "remove");
    if (!locked.ok) return locked;
    const target = locked.data;
    await tx
      .delete(memberships)
      .where(and(eq(memberships.id, target.id), eq(memberships.businessId, input.businessId)));
    return ok({ membershipId: target.id, userId: target.userId });
  });
}
