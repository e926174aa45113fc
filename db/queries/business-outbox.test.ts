import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "@/db/testing";
import { memberships, outbox } from "@/db/schema";
import { addMember, makeBusiness } from "@/testing/team-fixtures";
import { listBusinessOutbox } from "./business-outbox";

type Db = Parameters<typeof makeBusiness>[0];
let seq = 0;

describeEachDatabase("business outbox", (database) => {
  /** Two businesses, a person in both, and mail written a minute apart (oldest first). */
  async function setup(db: Db) {
    const a = await makeBusiness(db, `Outbox A ${++seq}`);
    const b = await makeBusiness(db, `Outbox B ${seq}`);
    const member = (await addMember(db, a.business.id, "member", "outbox-member")).user;
    const both = (await addMember(db, a.business.id, "member", "outbox-both")).user;
    await db.insert(memberships).values({ userId: both.id, businessId: b.business.id, role: "member" });
    let minute = 0;
    const mail = async (to: string, kind: string, businessId: string | null, subject: string) => {
      const createdAt = new Date(Date.UTC(2026, 0, 1, 0, ++minute));
      await db.insert(outbox).values({ to, subject, text: `body of ${subject}`, kind, businessId, createdAt });
    };
    await mail(member.email, "notify.purchase_declined", a.business.id, "A decline");
    await mail(member.email.toUpperCase(), "password_reset", null, "Member reset");
    await mail(a.owner.email, "password_reset", null, "Owner reset");
    await mail(b.owner.email, "notify.low_balance", b.business.id, "B low balance");
    await mail(both.email, "notify.payout_failed", b.business.id, "B payout to both");
    await mail(both.email, "notify.card_shipping", a.business.id, "A shipping to both");
    await mail("stranger@outbox.test", "notify.low_balance", a.business.id, "To nobody of A");
    return { a, b, member, both };
  }

  test("lists only mail to the business's members about it (or about no business), newest first", async () => {
    const { db } = database();
    const { a, b } = await setup(db);
    const page = await listBusinessOutbox(db, {
      businessId: a.business.id,
      viewerEmail: a.owner.email,
      limit: 20,
      offset: 0,
    });
    assert.deepEqual(
      page.rows.map((r) => r.subject),
      ["A shipping to both", "Owner reset", "Member reset", "A decline"],
    );
    assert.equal(page.total, 4);
    const ofB = await listBusinessOutbox(db, {
      businessId: b.business.id,
      viewerEmail: b.owner.email,
      limit: 20,
      offset: 0,
    });
    assert.deepEqual(
      ofB.rows.map((r) => r.subject),
      ["B payout to both", "B low balance"],
    );
  });

  test("shows alert bodies and the viewer's own mail, never another person's private link", async () => {
    const { db } = database();
    const { a } = await setup(db);
    const { rows } = await listBusinessOutbox(db, {
      businessId: a.business.id,
      viewerEmail: a.owner.email,
      limit: 20,
      offset: 0,
    });
    const body = Object.fromEntries(rows.map((r) => [r.subject, r.body]));
    assert.equal(body["A decline"], "body of A decline");
    assert.equal(body["Owner reset"], "body of Owner reset");
    assert.equal(body["Member reset"], null);
  });

  test("pages through the list", async () => {
    const { db } = database();
    const { a } = await setup(db);
    const at = (offset: number) =>
      listBusinessOutbox(db, { businessId: a.business.id, viewerEmail: a.owner.email, limit: 3, offset });
    const [first, second] = [await at(0), await at(3)];
    assert.deepEqual(
      first.rows.map((r) => r.subject),
      ["A shipping to both", "Owner reset", "Member reset"],
    );
    assert.deepEqual(
      second.rows.map((r) => r.subject),
      ["A decline"],
    );
    assert.equal(second.total, 4);
  });
});
