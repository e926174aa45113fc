import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { auditLog, businessInvites, memberships } from "@/db/schema";
import { acceptInvite, describeInvite, INVITE_PROBLEMS } from "./accept";
import { inviteMember, revokeInvite } from "./invites";
import { makeBusiness, makeUser } from "@/testing/team-fixtures";

describeEachDatabase("accepting team invites", (database) => {
  async function invited(label: string, role: "admin" | "member" = "member", now = new Date()) {
    const { db } = database();
    const owned = await makeBusiness(db, label);
    const invitee = await makeUser(db, "invitee");
    const created = await inviteMember(db, {
      businessId: owned.business.id,
      invitedBy: owned.owner.id,
      email: invitee.email,
      role,
      now,
    });
    assert.ok(created.ok);
    return { ...owned, invitee, invite: created.data };
  }
  const membershipOf = async (userId: string, businessId: string) =>
    (
      await database()
        .db.select()
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.businessId, businessId)))
    )[0];

  test("the invited person joins with the invited role, once", async () => {
    const { db } = database();
    const { business, invitee, invite } = await invited("Accept ok", "admin");
    const view = await describeInvite(db, invite.token);
    assert.deepEqual(view && { status: view.status, businessName: view.businessName, role: view.role }, {
      status: "open",
      businessName: "Accept ok",
      role: "admin",
    });
    // The email matches whatever its case.
    const accepted = await acceptInvite(db, {
      token: invite.token,
      user: { ...invitee, email: invitee.email.toUpperCase() },
    });
    assert.deepEqual(accepted, { ok: true, data: { businessId: business.id, role: "admin" } });
    assert.equal((await membershipOf(invitee.id, business.id))?.role, "admin");
    assert.equal((await describeInvite(db, invite.token))?.status, "accepted");
    const again = await acceptInvite(db, { token: invite.token, user: invitee });
    assert.equal(!again.ok && again.error.message, INVITE_PROBLEMS.accepted);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.businessId, business.id), eq(auditLog.action, "team.invite_accepted")));
    assert.equal(audits.length, 1);
  });

  test("someone signed in with another email can't use the link", async () => {
    const { db } = database();
    const { business, invite } = await invited("Mismatch");
    const stranger = await makeUser(db, "stranger");
    const result = await acceptInvite(db, { token: invite.token, user: stranger });
    assert.equal(
      !result.ok && result.error.message,
      `This invitation is for ${invite.email}. Sign in with that email to accept it.`,
    );
    assert.equal(await membershipOf(stranger.id, business.id), undefined);
    assert.equal((await describeInvite(db, invite.token))?.status, "open", "still usable by the right person");
  });

  test("expired, revoked and unknown links are refused with their own messages", async () => {
    const { db } = database();
    const created = new Date("2030-01-01T00:00:00Z");
    const old = await invited("Expired", "member", created);
    const late = await acceptInvite(db, {
      token: old.invite.token,
      user: old.invitee,
      now: new Date("2030-01-08T00:00:01Z"),
    });
    assert.equal(!late.ok && late.error.message, INVITE_PROBLEMS.expired);
    assert.equal(await membershipOf(old.invitee.id, old.business.id), undefined);
    const inTime = await acceptInvite(db, {
      token: old.invite.token,
      user: old.invitee,
      now: new Date("2030-01-07T23:59:00Z"),
    });
    assert.equal(inTime.ok, true, "a minute before expiry it still works");

    const withdrawn = await invited("Revoked");
    await revokeInvite(db, { businessId: withdrawn.business.id, inviteId: withdrawn.invite.inviteId });
    const revoked = await acceptInvite(db, { token: withdrawn.invite.token, user: withdrawn.invitee });
    assert.equal(!revoked.ok && revoked.error.message, INVITE_PROBLEMS.revoked);
    assert.equal(await membershipOf(withdrawn.invitee.id, withdrawn.business.id), undefined);

    const unknown = await acceptInvite(db, { token: `${withdrawn.invite.token}x`, user: withdrawn.invitee });
    assert.equal(!unknown.ok && unknown.error.message, INVITE_PROBLEMS.unknown);
    assert.equal(await describeInvite(db, "not-a-token"), null);
  });

  test("a replaced invitation's old link no longer works", async () => {
    const { db } = database();
    const { business, owner, invitee, invite } = await invited("Replaced");
    const fresh = await inviteMember(db, {
      businessId: business.id,
      invitedBy: owner.id,
      email: invitee.email,
      role: "admin",
    });
    assert.ok(fresh.ok);
    const stale = await acceptInvite(db, { token: invite.token, user: invitee });
    assert.equal(stale.ok, false);
    assert.deepEqual(await acceptInvite(db, { token: fresh.data.token, user: invitee }), {
      ok: true,
      data: { businessId: business.id, role: "admin" },
    });
  });

  test("platform staff can't join a business through an invitation", async () => {
    const { db } = database();
    const owned = await makeBusiness(db, "Staff");
    const staff = await makeUser(db, "staff", { platformRole: "platform_admin" });
    const created = await inviteMember(db, {
      businessId: owned.business.id,
      invitedBy: owned.owner.id,
      email: staff.email,
      role: "member",
    });
    assert.ok(created.ok);
    const result = await acceptInvite(db, { token: created.data.token, user: staff });
    assert.equal(!result.ok && result.error.code, "forbidden");
    assert.equal(await membershipOf(staff.id, owned.business.id), undefined);
    const [row] = await db.select().from(businessInvites).where(eq(businessInvites.id, created.data.inviteId));
    assert.equal(row?.acceptedAt, null);
  });
});
