import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/connect";
import { insertDecisions } from "@/db/queries/authorization-decisions";
import { insertEvents } from "@/db/queries/events";
import { authorizationDecisions, stripeEvents } from "@/db/schema";

test("rows inserted through one JSON parameter read back as inserted, with defaults and redeliveries", async () => {
  const database = openDatabase({ dataDir: "memory://" });
  try {
    await database.migrate();
    const { db } = database;
    const at = new Date("2026-12-06T10:00:00.123Z");
    const payload = { id: "evt_1", nested: { amount: 1250, note: "quote ' and \\ backslash", list: [1, null] } };
    await insertEvents(db, [
      { id: "evt_1", type: "t.one", kind: "snapshot", account: null, objectId: "o_1", eventCreatedAt: at, payload },
      { id: "evt_2", type: "t.two", kind: "thin", account: "acct_1", objectId: null, eventCreatedAt: at, payload: {} },
    ]);
    const [first] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, "evt_1"));
    assert.deepEqual(first?.payload, payload);
    assert.equal(first?.eventCreatedAt.toISOString(), at.toISOString());
    assert.equal(first?.account, null);
    assert.ok(first?.receivedAt instanceof Date, "received_at takes its default (now)");
    assert.equal(first?.appliedAt, null);

    const row = (eventId: string, amount: number) => ({
      eventId,
      authorizationId: `iauth_${eventId}`,
      cardId: "ic_1",
      amount,
      currency: "usd",
      approved: true,
      decidedBy: "platform" as const,
      reason: "ok",
      latencyMs: 3,
    });
    const fresh = await insertDecisions(db, [row("evt_a", 9_007_199_254_740), row("evt_b", 1)]);
    assert.deepEqual([...fresh].sort(), ["evt_a", "evt_b"]);
    // A redelivered event keeps its first row: only the new one is reported.
    assert.deepEqual([...(await insertDecisions(db, [row("evt_a", 5), row("evt_c", 7)]))], ["evt_c"]);
    const [a] = await db.select().from(authorizationDecisions).where(eq(authorizationDecisions.eventId, "evt_a"));
    assert.equal(a?.amount, 9_007_199_254_740);
    assert.deepEqual(a?.input, {}, "input takes its default");
    assert.match(a?.id ?? "", /^[0-9a-f-]{36}$/);
    assert.equal(a?.rule, null);
  } finally {
    await database.close();
  }
});
