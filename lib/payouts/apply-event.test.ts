import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { operations } from "@/db/schema";
import { applyPayoutSnapshot } from "./apply-event";

describeEachDatabase("payout snapshots from webhooks", (database) => {
  test("a later status replaces the timeline's snapshot; an earlier one arriving late does not", async () => {
    const { db } = database();
    const [op] = await db
      .insert(operations)
      .values({
        kind: "payout",
        clientToken: "tok-apply-event-0001",
        status: "succeeded",
        stripeObjectId: "obt_x",
        result: { id: "obt_x", status: "processing" },
      })
      .returning();
    const read = async () => (await db.select().from(operations).where(eq(operations.id, op!.id)))[0]!.result;
    await applyPayoutSnapshot(db, {
      id: "obt_x",
      status: "posted",
      status_transitions: { posted_at: "2026-01-01T00:00:00Z" },
    });
    assert.equal((await read())?.status, "posted");
    await applyPayoutSnapshot(db, { id: "obt_x", status: "processing" });
    assert.equal((await read())?.status, "posted", "an out-of-order event doesn't move it back");
    await applyPayoutSnapshot(db, { id: "obt_other", status: "failed" });
    assert.equal((await read())?.status, "posted");
  });
});
