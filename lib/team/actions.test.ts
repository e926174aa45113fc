import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { auditLog, businessInvites, memberships } from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import type { BusinessScope } from "@/lib/actions/execute";
import { teamActions } from "./actions";
import { listPendingInvites } from "@/db/queries/business-invites";
import { listMembers } from "@/db/queries/memberships";
import { inviteMember } from "./invites";
import { actorOf, addMember, makeBusiness } from "@/testing/team-fixtures";

describeEachDatabase("team actions", (database) => {
  /** Business A (owner, admin, member) and business B (owner, member, an open invite). */
  async function twoBusinesses() {
    const { db } = database();
    const a = await makeBusiness(db, "Tenant A");
    const aAdmin = await addMember(db, a.business.id, "admin");
    const aMember = await addMember(db, a.business.id, "member");
    const b = await makeBusiness(db, "Tenant B");
    const bMember = await addMember(db, b.business.id, "member");
    const bInvite = await inviteMember(db, {
      businessId: b.business.id,
      invitedBy: b.owner.id,
      email: "b-invitee@example.test",
      role: "member",
    });
    assert.ok(bInvite.ok);
    const snapshot = async () => ({
      members: await db
        .select()
        .from(memberships)
        .where(eq(memberships.businessId, b.business.id))
        .orderBy(memberships.id),
      invites: await db
        .select()
        .from(businessInvites)
        .where(eq(businessInvites.businessId, b.business.id))
        .orderBy(businessInvites.id),
    });
    return {
      db,
      a,
      aAdmin,
      aMember,
      b,
      bMember,
      bInvite: bInvite.data,
      snapshot,
      specs: teamActions(() => db),
      aOwner: actorOf(a.owner.id, a.business, "owner"),
    };
  }

  test("the owner invites, re-roles and removes through the actions, each audited", async () => {
    const { db, a, aMember, specs, aOwner } = await twoBusinesses();
    const invited = await executeAction(db, aOwner, specs.invite, { email: "Fresh@Example.test", role: "admin" });
    assert.ok(invited.ok);
    const changed = await executeAction(db, aOwner, specs.changeRole, {
      membershipId: aMember.membership.id,
      role: "admin",
    });
    assert.ok(changed.ok);
    const removed = await executeAction(db, aOwner, specs.remove, { membershipId: aMember.membership.id });
    assert.ok(removed.ok);
    const revoked = await executeAction(db, aOwner, specs.revoke, { inviteId: invited.data.inviteId });
    assert.ok(revoked.ok);
    const audits = await db.select().from(auditLog).where(eq(auditLog.businessId, a.business.id));
    assert.deepEqual(audits.map((x) => x.action).sort(), [
      "team.invite_revoked",
      "team.invited",
      "team.member_removed",
      "team.role_changed",
    ]);
    assert.ok(!JSON.stringify(audits).includes(invited.data.token), "the invite token is never audited");
  });

  test("bad invite input comes back next to the fields", async () => {
    const { db, specs, aOwner } = await twoBusinesses();
    const result = await executeAction(db, aOwner, specs.invite, { email: "not-an-email", role: "owner" });
    assert.deepEqual(!result.ok && result.error.fields, {
      email: "Enter a valid email address",
      role: "Choose admin or member",
    });
  });

  test("an owner of A can't list, invite into, re-role, remove or revoke in B by any id", async () => {
    const { db, a, b, bMember, bInvite, snapshot, specs, aOwner } = await twoBusinesses();
    const before = await snapshot();

    // The team page lists the session's business (its guard is in the browser matrix).
    const emails = (await listMembers(db, { businessId: aOwner.business.id })).map((m) => m.email);
    assert.ok(emails.includes(a.owner.email));
    assert.ok(!emails.includes(b.owner.email) && !emails.includes(bMember.user.email), "B's people are not listed");
    const invites = await listPendingInvites(db, { businessId: aOwner.business.id });
    assert.ok(!invites.some((i) => i.id === bInvite.inviteId));

    // Inviting ignores any business in the input: the invite lands in A, never in B.
    const invited = await executeAction(db, aOwner, specs.invite, {
      email: "sneak@example.test",
      role: "member",
      businessId: b.business.id,
    });
    assert.ok(invited.ok);
    const [sneak] = await db.select().from(businessInvites).where(eq(businessInvites.id, invited.data.inviteId));
    assert.equal(sneak?.businessId, a.business.id);

    for (const membershipId of [bMember.membership.id, b.ownerMembership.id]) {
      const change = await executeAction(db, aOwner, specs.changeRole, { membershipId, role: "admin" });
      assert.equal(!change.ok && change.error.code, "not_found");
      const remove = await executeAction(db, aOwner, specs.remove, { membershipId });
      assert.equal(!remove.ok && remove.error.code, "not_found");
    }
    const revoke = await executeAction(db, aOwner, specs.revoke, { inviteId: bInvite.inviteId });
    assert.equal(!revoke.ok && revoke.error.code, "not_found");

    assert.deepEqual(await snapshot(), before, "nothing in B changed");
    const bAudits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.businessId, b.business.id), eq(auditLog.actorUserId, a.owner.id)));
    assert.equal(bAudits.length, 0);
  });

  test("admins and members see the team but can't manage it", async () => {
    const { db, a, aAdmin, aMember, specs } = await twoBusinesses();
    const before = await db
      .select()
      .from(memberships)
      .where(eq(memberships.businessId, a.business.id))
      .orderBy(memberships.id);
    for (const { user, membership } of [aAdmin, aMember]) {
      const actor = actorOf(user.id, a.business, membership.role);
      assert.equal((await listMembers(db, { businessId: actor.business.id })).length, 3);
      const attempts = [
        await executeAction(db, actor, specs.invite, { email: "x@example.test", role: "admin" }),
        await executeAction(db, actor, specs.changeRole, { membershipId: aMember.membership.id, role: "admin" }),
        await executeAction(db, actor, specs.changeRole, { membershipId: membership.id, role: "admin" }),
        await executeAction(db, actor, specs.remove, { membershipId: a.ownerMembership.id }),
      ];
      for (const attempt of attempts) assert.equal(!attempt.ok && attempt.error.code, "forbidden", membership.role);
    }
    assert.deepEqual(
      await db.select().from(memberships).where(eq(memberships.businessId, a.business.id)).orderBy(memberships.id),
      before,
    );
    assert.equal(
      (await db.select().from(businessInvites).where(eq(businessInvites.businessId, a.business.id))).length,
      0,
    );
  });

  test("platform admins and signed-out callers can't use the team actions", async () => {
    const { db, a, specs } = await twoBusinesses();
    const invite = { email: "x@example.test", role: "member" };
    assert.equal((await executeAction(db, null, specs.invite, invite)).ok, false);
    // The wrapper never builds a business actor for platform staff; even if one slipped through, the table refuses.
    const platformActor = {
      actor: { userId: a.owner.id, role: "platform_admin", businessId: null },
      business: a.business,
    } as unknown as BusinessScope;
    const platform = await executeAction(db, platformActor, specs.invite, invite);
    assert.equal(!platform.ok && platform.error.code, "forbidden");
  });
});
