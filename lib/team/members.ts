import "server-only";
import type { DbOrTx } from "@/db/connect";
import { deleteMembership, lockMembership, lockOwners, setMembershipRole } from "@/db/queries/memberships";
import type { Membership, MembershipRole } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { AssignableRole } from "./schemas";

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
  const target = await lockMembership(tx, { businessId, membershipId });
  if (!target) return fail("not_found", undefined, "That person isn't in your team.");
  if (target.userId === actorUserId) {
    const message = verb === "change" ? "You can't change your own role." : "You can't remove yourself from the team.";
    return fail("forbidden", undefined, message);
  }
  if (target.role === "owner") {
    const owners = await lockOwners(tx, { businessId });
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
      await setMembershipRole(tx, { businessId: input.businessId, membershipId: target.id, role: input.role });
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
    await deleteMembership(tx, { businessId: input.businessId, membershipId: target.id });
    return ok({ membershipId: target.id, userId: target.userId });
  });
}
