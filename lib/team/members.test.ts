import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { memberships } from "@/db/schema";
import { listMembers } from "@/db/queries/memberships";
import { changeMemberRole, removeMember } from "./members";
import { addMember, makeBusiness } from "@/testing/team-fixtures";

describeEachDatabase("team members", (database) => {
  test("lists only the business's own people, owners first", async () => {
    const { db } = database();
    const a = await makeBusiness(db, "Members A");
    const b = await makeBusiness(db, "Members B");
    const member = await addMember(db, a.business.id, "member");
    const admin = await addMember(db, a.business.id, "admin");
    await addMember(db, b.business.id, "member");
    const list = await listMembers(db, { businessId: a.business.id });
    assert.deepEqual(
      list.map((m) => m.email),
      [a.owner.email, admin.user.email, member.user.email],
    );
    assert.deepEqual(
      list.map((m) => m.role),
      ["owner", "admin", "member"],
    );
  });

  test("the owner changes a member to admin and back", async () => {
    const { db } = database();
    const { business, owner } = await makeBusiness(db, "Roles");
    const { membership } = await addMember(db, business.id, "member");
    const up = await changeMemberRole(db, {
      businessId: business.id,
      actorUserId: owner.id,
      membershipId: membership.id,
      role: "admin",
    });
    assert.deepEqual(up, { ok: true, data: { membershipId: membership.id, from: "member", to: "admin" } });
    const [row] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
    assert.equal(row?.role, "admin");
    await changeMemberRole(db, {
      businessId: business.id,
      actorUserId: owner.id,
      membershipId: membership.id,
      role: "member",
    });
    const [again] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
    assert.equal(again?.role, "member");
  });

  test("nobody changes their own role or removes themselves", async () => {
    const { db } = database();
    const { business, owner, ownerMembership } = await makeBusiness(db, "Self");
    await addMember(db, business.id, "owner", "co-owner");
    const change = await changeMemberRole(db, {
      businessId: business.id,
      actorUserId: owner.id,
      membershipId: ownerMembership.id,
      role: "member",
    });
    assert.equal(!change.ok && change.error.message, "You can't change your own role.");
    const remove = await removeMember(db, {
      businessId: business.id,
      actorUserId: owner.id,
      membershipId: ownerMembership.id,
    });
    assert.equal(!remove.ok && remove.error.message, "You can't remove yourself from the team.");
    const [row] = await db.select().from(memberships).where(eq(memberships.id, ownerMembership.id));
    assert.equal(row?.role, "owner");
  });

  test("the last owner can't be demoted or removed; one of two owners can", async () => {
    const { db } = database();
    const { business, ownerMembership } = await makeBusiness(db, "Last owner");
    // An admin acting on the owner (only reachable if the permission table were wrong) still can't.
    const admin = await addMember(db, business.id, "admin");
    const demote = await changeMemberRole(db, {
      businessId: business.id,
      actorUserId: admin.user.id,
      membershipId: ownerMembership.id,
      role: "member",
    });
    assert.match(!demote.ok ? demote.error.message : "", /at least one owner/);
    const remove = await removeMember(db, {
      businessId: business.id,
      actorUserId: admin.user.id,
      membershipId: ownerMembership.id,
    });
    assert.match(!remove.ok ? remove.error.message : "", /at least one owner/);
    assert.equal((await db.select().from(memberships).where(eq(memberships.id, ownerMembership.id)))[0]?.role, "owner");

    const coOwner = await addMember(db, business.id, "owner", "co-owner");
    const ok = await changeMemberRole(db, {
      businessId: business.id,
      actorUserId: coOwner.user.id,
      membershipId: ownerMembership.id,
      role: "admin",
    });
    assert.equal(ok.ok, true);
    const nowLast = await changeMemberRole(db, {
      businessId: business.id,
      actorUserId: admin.user.id,
      membershipId: coOwner.membership.id,
      role: "member",
    });
    assert.equal(nowLast.ok, false, "the co-owner is now the last owner");
  });

  test("removing someone ends their access to this business only", async () => {
    const { db } = database();
    const a = await makeBusiness(db, "Remove A");
    const b = await makeBusiness(db, "Remove B");
    const { user, membership } = await addMember(db, a.business.id, "member");
    const [inB] = await db
      .insert(memberships)
      .values({ userId: user.id, businessId: b.business.id, role: "member" })
      .returning();
    const removed = await removeMember(db, {
      businessId: a.business.id,
      actorUserId: a.owner.id,
      membershipId: membership.id,
    });
    assert.deepEqual(removed, { ok: true, data: { membershipId: membership.id, userId: user.id } });
    const left = await db.select().from(memberships).where(eq(memberships.userId, user.id));
    assert.deepEqual(
      left.map((m) => m.id),
      [inB!.id],
    );
    const twice = await removeMember(db, {
      businessId: a.business.id,
      actorUserId: a.owner.id,
      membershipId: membership.id,
    });
    assert.equal(!twice.ok && twice.error.code, "not_found");
  });
});
