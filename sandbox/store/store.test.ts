import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Store } from "./store";
import { customAccountParams, startTestSandbox } from "../test-helpers";

test("the store replays its log, ignores a torn tail and compacts into a snapshot", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "store-"));
  try {
    const s1 = new Store(dir, { compactBytes: 2000 });
    for (let i = 0; i < 50; i++) {
      const tx = s1.begin();
      tx.put("things", `t${i}`, { owner: "p", data: { i } });
      tx.put("counts", "n", { owner: "p", data: { n: i + 1 } });
      await tx.commit();
    }
    await s1.close();
    assert.ok(statSync(path.join(dir, "snapshot.json")).size > 0, "compaction wrote a snapshot");
    appendFileSync(path.join(dir, "wal.log"), '0badc0de {"s":999,"c":[["things","torn",'); // a crash mid-write
    const s2 = new Store(dir);
    assert.equal(s2.rows("things").length, 50);
    assert.deepEqual(s2.get("counts", "n")?.data, { n: 50 });
    assert.equal(s2.get("things", "torn"), undefined);
    assert.deepEqual(
      s2
        .rows("things")
        .map(([id]) => id)
        .slice(0, 3),
      ["t0", "t1", "t2"],
      "insertion order survives",
    );
    const tx = s2.begin();
    tx.put("things", "after", { owner: "p", data: {} });
    await tx.commit();
    await s2.close();
    assert.ok(!readFileSync(path.join(dir, "wal.log"), "utf8").includes("torn"));
    const s3 = new Store(dir);
    assert.ok(s3.get("things", "after"));
    await s3.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a restart keeps everything; reset with a seed replays the same ids; the clock moves", async () => {
  const first = await startTestSandbox();
  const dataDir = first.dataDir;
  const a = await first.stripe.accounts.create(customAccountParams);
  await first.sandbox.close();
  const second = await startTestSandbox({ dataDir });
  try {
    assert.deepEqual((await second.stripe.accounts.retrieve(a.id)).capabilities, a.capabilities);
    const post = (p: string, body: unknown) =>
      fetch(`${second.url}${p}`, { method: "POST", body: JSON.stringify(body) });
    assert.equal((await post("/_sandbox/reset", { seed: "fixed" })).status, 200);
    await assert.rejects(second.stripe.accounts.retrieve(a.id));
    const x1 = await second.stripe.accounts.create(customAccountParams);
    await post("/_sandbox/reset", { seed: "fixed" });
    const x2 = await second.stripe.accounts.create(customAccountParams);
    assert.equal(x2.id, x1.id);
    const before = (await (await fetch(`${second.url}/_sandbox/clock`)).json()) as { now: number };
    const moved = (await (await post("/_sandbox/clock", { advance_seconds: 86400 })).json()) as { now: number };
    assert.ok(moved.now - before.now >= 86400 && moved.now - before.now < 86410);
    const later = await second.stripe.accounts.create(customAccountParams);
    assert.ok((later.created ?? 0) >= moved.now);
  } finally {
    await second.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
