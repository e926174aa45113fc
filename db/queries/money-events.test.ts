import { test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { moneyEventsVersion } from "./money-events";

describeEachDatabase("money events version", (database) => {
  const store = (db: ReturnType<typeof database>["db"], id: string, type: string, account: string, at: string) =>
    db.execute(sql`
      insert into stripe_events (id, type, kind, account, event_created_at, payload, received_at)
      values (${id}, ${type}, 'snapshot', ${account}, now(), '{}'::jsonb, ${at}::timestamptz)`);

  test("changes with each money event of the account, and with nothing else", async () => {
    const { db } = database();
    const mine = `acct_live${Date.now()}`;
    const other = `${mine}x`;
    const empty = await moneyEventsVersion(db, { accountId: mine });
    assert.equal(empty, "0@-");

    await store(db, `evt_${mine}_1`, "treasury.received_credit.created", mine, "2026-12-01T10:00:00.000001Z");
    const one = await moneyEventsVersion(db, { accountId: mine });
    assert.notEqual(one, empty);

    // Not money, or another account's money: the token stays as it was.
    await store(db, `evt_${mine}_2`, "account.updated", mine, "2026-12-01T10:00:01Z");
    await store(db, `evt_${mine}_3`, "issuing_cardholder.created", mine, "2026-12-01T10:00:01Z");
    await store(db, `evt_${other}_1`, "v2.money_management.received_credit.available", other, "2026-12-01T10:00:02Z");
    assert.equal(await moneyEventsVersion(db, { accountId: mine }), one);

    // A v2 wallet event later in the same millisecond still changes it (microseconds and the count).
    await store(
      db,
      `evt_${mine}_4`,
      "v2.money_management.received_credit.available",
      mine,
      "2026-12-01T10:00:00.000002Z",
    );
    const two = await moneyEventsVersion(db, { accountId: mine });
    assert.notEqual(two, one);
    assert.match(two, /^2@/);

    for (const [i, type] of ["issuing_transaction.created", "balance.available", "topup.succeeded"].entries()) {
      const before = await moneyEventsVersion(db, { accountId: mine });
      await store(db, `evt_${mine}_m${i}`, type, mine, "2026-12-01T09:00:00Z");
      assert.notEqual(await moneyEventsVersion(db, { accountId: mine }), before, type);
    }
  });
});
