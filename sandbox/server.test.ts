import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseSandboxArgs } from "./config";
import { startSandbox } from "./server";

test("port and data directory come from flags, then the environment, then defaults", () => {
  assert.equal(parseSandboxArgs([], {}).port, 12111);
  assert.equal(parseSandboxArgs([], { SANDBOX_PORT: "4000" }).port, 4000);
  assert.equal(parseSandboxArgs(["--port", "5000"], { SANDBOX_PORT: "4000" }).port, 5000);
  assert.equal(parseSandboxArgs(["--port=5001"], {}).port, 5001);
  assert.equal(parseSandboxArgs(["--data-dir", "/tmp/x"], {}).dataDir, "/tmp/x");
  assert.equal(parseSandboxArgs([], { DATA_DIR: "/tmp/d" }).dataDir, "/tmp/d/sandbox");
  assert.throws(() => parseSandboxArgs(["--port", "nope"], {}), /invalid port/);
  const env = {
    SANDBOX_SNAPSHOT_URL: "http://127.0.0.1:3000/api/webhooks/stripe/snapshot",
    SANDBOX_SNAPSHOT_SECRET: "whsec_env_snapshot",
  };
  assert.deepEqual(parseSandboxArgs([], env).snapshot, { url: env.SANDBOX_SNAPSHOT_URL, secret: "whsec_env_snapshot" });
  assert.equal(
    parseSandboxArgs(["--snapshot-secret", "whsec_flag_snapshot"], env).snapshot?.secret,
    "whsec_flag_snapshot",
  );
  assert.deepEqual(
    parseSandboxArgs(["--thin-url", "http://x/thin"], {}).thin,
    { url: "http://x/thin" },
    "no secret given: the sandbox generates one, as Stripe does",
  );
  assert.deepEqual(parseSandboxArgs(["--rta-url=http://x/rta", "--rta-secret=whsec_rta_flag"], {}).rta, {
    url: "http://x/rta",
    secret: "whsec_rta_flag",
  });
  assert.equal(parseSandboxArgs(["--rta-url", "off"], {}).rta, undefined);
  assert.throws(() => parseSandboxArgs(["--thin-secret", "whsec_alone_secret"], {}), /needs --thin-url/);
  assert.throws(() => parseSandboxArgs(["--snapshot-url", "ftp://x"], {}), /invalid snapshot destination URL/);
  assert.throws(() => parseSandboxArgs(["--webhook-url", "http://x/hook"], {}), /--snapshot-url and --thin-url/);
});

test("the health route answers and unknown routes get Stripe's error envelope", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-"));
  const sandbox = await startSandbox({ port: 0, host: "127.0.0.1", dataDir });
  try {
    const health = await fetch(`${sandbox.url}/_sandbox/health`);
    assert.equal(health.status, 200);
    assert.equal((await health.json()).status, "ok");
    const missing = await fetch(`${sandbox.url}/v1/nothing`, { headers: { authorization: "Bearer sk_test_123" } });
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).error.type, "invalid_request_error");
    const anonymous = await fetch(`${sandbox.url}/v1/accounts`);
    assert.equal(anonymous.status, 401);
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
