import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { auditLog, memberships, userSessions } from "@/db/schema";
import { membershipsOf } from "@/db/queries/memberships";
import { executeOpenAction } from "@/lib/actions/execute";
import { addMember, makeBusiness, makeUser } from "@/testing/team-fixtures";
import { NOT_YOUR_BUSINESS, switchBusinessSpec } from "./switch-business";

describeEachDatabase("switching business", (database) => {
  /** Pat: owner of A, cardholder of B; C is someone else's. `remembered` is what the cookie would hold. */
  async function world() {
    const { db } = database();
    const a = await makeBusiness(db, "Switch A");
    const b = await makeBusiness(db, "Switch B");
    const c = await makeBusiness(db, "Switch C");
    const pat = await addMember(db, b.business.id, "cardholder", "pat");
    await db.insert(memberships).values({ userId: pat.user.id, businessId: a.business.id, role: "owner" });
    const [session] = await db.insert(userSessions).values({ userId: pat.user.id }).returning();
    const remembered: string[] = [];
    const spec = switchBusinessSpec(
      () => db,
      async (id) => void remembered.push(id),
    );
    const scope = async (user = pat.user) => ({
      user,
      session: session!,
      memberships: await membershipsOf(db, { userId: user.id }),
    });
    const audits = () => db.select().from(auditLog).where(eq(auditLog.actorUserId, pat.user.id));
    return { db, a, b, c, pat, spec, scope, remembered, audits };
  }

  test("a member switches to each of their businesses, lands on that role's home, and each switch is audited", async () => {
    const { a, b, spec, scope, remembered, audits } = await world();
    const toB = await executeOpenAction(await scope(), spec, { businessId: b.business.id });
    assert.deepEqual(toB, { ok: true, data: { businessId: b.business.id, role: "cardholder", home: "/my-cards" } });
    const toA = await executeOpenAction(await scope(), spec, { businessId: a.business.id });
    assert.deepEqual(toA, { ok: true, data: { businessId: a.business.id, role: "owner", home: "/dashboard" } });
    assert.deepEqual(remembered, [b.business.id, a.business.id]);
    const rows = await audits();
    assert.deepEqual(
      rows.map((r) => [r.action, r.target, r.businessId]).sort(),
      [
        ["user.business_switched", a.business.id, null],
        ["user.business_switched", b.business.id, null],
      ].sort(),
    );
  });

  test("a business the user is not in, or one that doesn't exist, is refused alike: nothing remembered or recorded", async () => {
    const { c, spec, scope, remembered, audits } = await world();
    for (const businessId of [c.business.id, "00000000-0000-4000-8000-000000000000"]) {
      const refused = await executeOpenAction(await scope(), spec, { businessId });
      assert.deepEqual(refused, { ok: false, error: { code: "not_found", message: NOT_YOUR_BUSINESS } });
    }
    assert.deepEqual(remembered, []);
    assert.deepEqual(await audits(), []);
  });

  test("input that is not a business id is a validation error on the field", async () => {
    const { spec, scope, remembered } = await world();
    for (const businessId of ["", "not-an-id", "' OR '1'='1"]) {
      const refused = await executeOpenAction(await scope(), spec, { businessId });
      assert.equal(refused.ok, false);
      assert.ok(!refused.ok && refused.error.code === "validation_failed" && refused.error.fields?.businessId);
    }
    assert.deepEqual(remembered, []);
  });

  test("a platform admin has no business to switch to", async () => {
    const { db, a, spec, scope, remembered } = await world();
    const admin = await makeUser(db, "platform", { platformRole: "platform_admin" });
    await db.insert(memberships).values({ userId: admin.id, businessId: a.business.id, role: "owner" });
    const refused = await executeOpenAction(await scope(admin), spec, { businessId: a.business.id });
    assert.equal(!refused.ok && refused.error.code, "forbidden");
    assert.deepEqual(remembered, []);
  });
});
