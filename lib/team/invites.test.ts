import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { businessInvites } from "@/db/schema";
import { listPendingInvites } from "@/db/queries/business-invites";
import { inviteMember, revokeInvite } from "./invites";
import { addMember, makeBusiness } from "@/testing/team-fixtures";
import { hashInviteToken, INVITE_TTL_MS } from "./tokens";

describeEachDatabase("team invites", (database) => {
  test("an invite stores only the token's hash and expires after seven days", async () => {
    const { db } = database();
    const { business, owner } = await makeBusiness(db, "Invite store");
    const now = new Date("2030-01-01T00:00:00Z");
    const created = await inviteMember(db, {
      businessId: business.id,
      invitedBy: owner.id,
      email: " New.Person@Example.TEST ",
      role: "member",
      now,
    });
    assert.ok(created.ok);
    assert.equal(created.data.email, "new.person@example.test");
    assert.equal(created.data.expiresAt.getTime(), now.getTime() + INVITE_TTL_MS);
    const [row] = await db.select().from(businessInvites).where(eq(businessInvites.id, created.data.inviteId));
    assert.equal(row?.tokenHash, hashInviteToken(created.data.token));
    assert.notEqual(row?.tokenHash, created.data.token);
    assert.ok(!JSON.stringify(row).includes(created.data.token), "the raw token is nowhere in the row");
  });

  test("an email already in the team is refused next to the field", async () => {
    const { db } = database();
    const { business, owner } = await makeBusiness(db, "Invite existing");
    const { user } = await addMember(db, business.id, "member");
    const result = await inviteMember(db, {
      businessId: business.id,
      invitedBy: owner.id,
      email: user.email.toUpperCase(),
      role: "admin",
    });
    assert.deepEqual(result, {
      ok: false,
      error: {
        code: "validation_failed",
        message: "Some fields need attention",
        fields: { email: `${user.email} is already in your team.` },
      },
    });
    assert.equal((await listPendingInvites(db, { businessId: business.id })).length, 0);
  });

  test("re-inviting replaces the open invitation; the old link stops being open", async () => {
    const { db } = database();
    const { business, owner } = await makeBusiness(db, "Reinvite");
    const first = await inviteMember(db, {
      businessId: business.id,
      invitedBy: owner.id,
      email: "twice@example.test",
      role: "member",
    });
    const second = await inviteMember(db, {
      businessId: business.id,
      invitedBy: owner.id,
      email: "TWICE@example.test",
      role: "admin",
    });
    assert.ok(first.ok && second.ok);
    const pending = await listPendingInvites(db, { businessId: business.id });
    assert.deepEqual(
      pending.map((p) => [p.id, p.role]),
      [[second.data.inviteId, "admin"]],
    );
    const [old] = await db.select().from(businessInvites).where(eq(businessInvites.id, first.data.inviteId));
    assert.ok(old?.revokedAt, "the first invitation is revoked");
  });

  test("the same email can be invited by two businesses independently", async () => {
    const { db } = database();
    const a = await makeBusiness(db, "Both A");
    const b = await makeBusiness(db, "Both B");
    assert.ok(
      (
        await inviteMember(db, {
          businessId: a.business.id,
          invitedBy: a.owner.id,
          email: "both@example.test",
          role: "member",
        })
      ).ok,
    );
    assert.ok(
      (
        await inviteMember(db, {
          businessId: b.business.id,
          invitedBy: b.owner.id,
          email: "both@example.test",
          role: "member",
        })
      ).ok,
    );
    assert.equal((await listPendingInvites(db, { businessId: a.business.id })).length, 1);
    assert.equal((await listPendingInvites(db, { businessId: b.business.id })).length, 1);
  });

  test("expired invitations stay listed, marked expired, until revoked", async () => {
    const { db } = database();
    const { business, owner } = await makeBusiness(db, "Expired list");
    const created = await inviteMember(db, {
      businessId: business.id,
      invitedBy: owner.id,
      email: "late@example.test",
      role: "member",
      now: new Date("2030-01-01T00:00:00Z"),
    });
    assert.ok(created.ok);
    const [listed] = await listPendingInvites(db, { businessId: business.id, now: new Date("2030-01-09T00:00:00Z") });
    assert.equal(listed?.expired, true);
    assert.equal(listed?.invitedByName, owner.name);
    const revoked = await revokeInvite(db, { businessId: business.id, inviteId: created.data.inviteId });
    assert.deepEqual(revoked, { ok: true, data: { inviteId: created.data.inviteId, email: "late@example.test" } });
    assert.equal((await listPendingInvites(db, { businessId: business.id })).length, 0);
    const again = await revokeInvite(db, { businessId: business.id, inviteId: created.data.inviteId });
    assert.equal(!again.ok && again.error.code, "not_found");
  });
});
