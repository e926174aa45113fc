import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "@/db/testing";
import { addMember, makeBusiness, makeUser } from "@/testing/team-fixtures";
import { activityFilterOptions, ACTIVITY_PAGE_SIZE, listBusinessActivity, recordAudit } from "./audit-log";
import { decodeCursor } from "./events";

describeEachDatabase("business activity", (database) => {
  test("lists only the business's rows, newest first, by person and kind, 50 a page", async () => {
    const { db } = database();
    const acme = await makeBusiness(db, "Acme Activity");
    const other = await makeBusiness(db, "Other Activity");
    const { user: member } = await addMember(db, acme.business.id, "member");
    const admin = await makeUser(db, "staff", { platformRole: "platform_admin" });
    const row = async (businessId: string, actorUserId: string | null, action: string, i: number) => {
      await recordAudit(db, { businessId, actorUserId, action, data: { email: `x${i}@e.test`, role: "member" } });
    };
    for (let i = 0; i < ACTIVITY_PAGE_SIZE + 5; i++) await row(acme.business.id, acme.owner.id, "team.invited", i);
    await row(acme.business.id, member.id, "team.invite_accepted", 0);
    await row(acme.business.id, admin.id, "admin.account.paused", 0);
    await row(other.business.id, other.owner.id, "team.invited", 0);

    const first = await listBusinessActivity(db, { businessId: acme.business.id });
    assert.equal(first.rows.length, ACTIVITY_PAGE_SIZE);
    assert.ok(first.next);
    const second = await listBusinessActivity(db, { businessId: acme.business.id, before: decodeCursor(first.next!) });
    assert.equal(first.rows.length + second.rows.length, ACTIVITY_PAGE_SIZE + 7);
    assert.equal(second.next, null);
    const all = [...first.rows, ...second.rows];
    assert.equal(new Set(all.map((r) => r.id)).size, all.length, "no row on two pages");
    assert.ok(
      all.every((r, i) => i === 0 || all[i - 1]!.at.getTime() >= r.at.getTime()),
      "newest first",
    );
    assert.ok(
      all.every((r) => r.actor.userId !== other.owner.id),
      "never another business's rows",
    );

    const byMember = await listBusinessActivity(db, { businessId: acme.business.id, actorUserId: member.id });
    assert.deepEqual(
      byMember.rows.map((r) => [r.action, r.actor.isMember]),
      [["team.invite_accepted", true]],
    );
    const paused = await listBusinessActivity(db, { businessId: acme.business.id, action: "admin.account.paused" });
    assert.deepEqual(
      paused.rows.map((r) => [r.actor.platformAdmin, r.actor.isMember]),
      [[true, false]],
    );
    // Another business's person filters to nothing here.
    assert.equal(
      (await listBusinessActivity(db, { businessId: acme.business.id, actorUserId: other.owner.id })).rows.length,
      0,
    );

    const options = await activityFilterOptions(db, { businessId: acme.business.id });
    assert.deepEqual(new Set(options.people.map((p) => p.userId)), new Set([acme.owner.id, member.id, admin.id]));
    assert.deepEqual(options.kinds, ["admin.account.paused", "team.invite_accepted", "team.invited"]);
  });
});
