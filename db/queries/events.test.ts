import { test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { decodeCursor, EVENTS_PAGE_SIZE, listEvents } from "./events";

describeEachDatabase("admin event log pages", (database) => {
  test("events received within one millisecond (Postgres keeps microseconds) are each on exactly one page", async () => {
    const { db } = database();
    const account = `acct_pages${Date.now()}`;
    // All in one millisecond, a microsecond apart, ids in the opposite order of their times.
    for (let i = 0; i <= EVENTS_PAGE_SIZE; i++)
      await db.execute(sql`
        insert into stripe_events (id, type, kind, account, event_created_at, payload, received_at)
        values (${`evt_${account}_${String(100 - i).padStart(3, "0")}`}, 'issuing_card.updated', 'snapshot',
                ${account}, now(), '{}'::jsonb,
                '2026-12-01T10:00:00.123000Z'::timestamptz + make_interval(secs => ${i} / 1000000.0))`);
    const first = await listEvents(db, { account });
    assert.equal(first.rows.length, EVENTS_PAGE_SIZE);
    assert.ok(first.next);
    const second = await listEvents(db, { account, before: decodeCursor(first.next!) });
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    assert.equal(ids.length, EVENTS_PAGE_SIZE + 1, "every event once");
    assert.equal(new Set(ids).size, ids.length, "no event on two pages");
    assert.equal(second.next, null);
  });
});
