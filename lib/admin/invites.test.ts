import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { adminInvites, memberships, users } from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import { acceptAdminInvite, hashToken, INVITE_TTL_MS } from "./invites";
import { actors, makeBusiness, makeUser, testDeps } from "@/testing/admin-fixtures";
import { adminActions } from "./actions";

describeEachDatabase("platform admin invites", (database) => {
  test("the link works once, for its email, until it expires; only a hash is stored", async () => {
    const { db } = database();
    const biz = await makeBusiness(db);
    const { admin } = await actors(db, biz);
    const invitee = await makeUser(db, false);
    const created = await executeAction(db, admin, adminActions(() => testDeps(db)).invite, {
      email: invitee.email.toUpperCase(),
    });
    assert.ok(created.ok);
    const token = created.data.url.split("/admin-invite/")[1]!;
    assert.ok(token.length >= 40);
    const [row] = await db.select().from(adminInvites).where(eq(adminInvites.id, created.data.inviteId));
    assert.equal(row?.tokenHash, hashToken(token));
    assert.ok(!JSON.stringify(row).includes(token), "the token itself is not stored");

    const stranger = await makeUser(db, false);
    const wrong = await acceptAdminInvite(db, stranger, token);
    assert.equal(!wrong.ok && wrong.error.code, "forbidden");
    const late = await acceptAdminInvite(db, invitee, token, new Date(Date.now() + INVITE_TTL_MS + 1000));
    assert.equal(!late.ok && late.error.code, "not_found");
    assert.equal((await acceptAdminInvite(db, invitee, "not-a-token")).ok, false);

    const [first, second] = await Promise.all([
      acceptAdminInvite(db, invitee, token),
      acceptAdminInvite(db, invitee, token),
    ]);
    assert.equal([first, second].filter((r) => r.ok).length, 1, "accepted exactly once");
    const [promoted] = await db.select().from(users).where(eq(users.id, invitee.id));
    assert.equal(promoted?.platformRole, "platform_admin");
    const [strangerNow] = await db.select().from(users).where(eq(users.id, stranger.id));
    assert.equal(strangerNow?.platformRole, null);
  });

  test("a business's member can't become a platform admin through an invite", async () => {
    const { db } = database();
    const biz = await makeBusiness(db);
    const { admin } = await actors(db, biz);
    const owner = await makeUser(db, false);
    await db.insert(memberships).values({ userId: owner.id, businessId: biz.id, role: "owner" });
    const created = await executeAction(db, admin, adminActions(() => testDeps(db)).invite, { email: owner.email });
    assert.ok(created.ok);
    const result = await acceptAdminInvite(db, owner, created.data.url.split("/admin-invite/")[1]!);
    assert.equal(!result.ok && result.error.code, "forbidden");
    const [still] = await db.select().from(users).where(eq(users.id, owner.id));
    assert.equal(still?.platformRole, null);
  });
});
