import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { openDatabase } from "@/db/connect";
import { checkHealth } from "./health";

test("health is ok when the database and the sandbox answer, degraded when the sandbox is down", async () => {
  const database = openDatabase({ dataDir: "memory://" });
  // A stand-in for the sandbox's health route (the app never imports the sandbox itself).
  const server = createServer((_req, res) => res.end('{"status":"ok"}'));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ping = async () => {
    const res = await fetch(`${url}/_sandbox/health`);
    if (!res.ok) throw new Error(`sandbox answered ${res.status}`);
  };
  try {
    // A generous timeout: the embedded database's first query also starts it, slow on a busy machine.
    const up = await checkHealth({
      db: database.db,
      dbKind: database.kind,
      mode: "sandbox",
      pingStripe: ping,
      timeoutMs: 20_000,
    });
    assert.equal(up.status, "ok");
    assert.equal(up.database.ok, true);
    assert.equal(up.stripe.ok, true);
    await new Promise((resolve) => server.close(resolve));
    const down = await checkHealth({ db: database.db, dbKind: database.kind, mode: "sandbox", pingStripe: ping });
    assert.equal(down.status, "degraded");
    assert.equal(down.database.ok, true);
    assert.equal(down.stripe.ok, false);
    assert.ok(down.stripe.error && !down.stripe.error.includes("\n"));
  } finally {
    server.close();
    await database.close();
  }
});

test("a hanging dependency is reported after the timeout instead of hanging the health check", async () => {
  const database = openDatabase({ dataDir: "memory://" });
  try {
    const report = await checkHealth({
      db: database.db,
      dbKind: "pglite",
      mode: "stripe",
      pingStripe: () => new Promise(() => {}),
      timeoutMs: 200,
    });
    assert.equal(report.stripe.ok, false);
    assert.match(report.stripe.error ?? "", /no answer within 200 ms/);
  } finally {
    await database.close();
  }
});
