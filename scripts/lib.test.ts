import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnvFile } from "@/lib/security/secret-scan";
import { RECEIVERS } from "@/lib/events/receivers";
import { DEMO_SIGN_INS as SEEDED } from "@/lib/demo/seed";
import { DEMO_SIGN_INS, RECEIVER_SECRETS, writeLocalSecrets } from "./lib.mjs";

const RECEIVER_KEYS = Object.values(RECEIVERS)
  .map((r) => r.secretEnv)
  .sort();

test("the start script's secret names are the receivers' (lib/events/receivers.ts)", () => {
  assert.deepEqual(Object.values(RECEIVER_SECRETS).sort(), RECEIVER_KEYS);
});

test("npm start prints every demo sign-in the seed makes (lib/demo/seed.ts), in its words", () => {
  assert.deepEqual(
    DEMO_SIGN_INS,
    SEEDED.map(({ email, role }) => ({ email, role })),
  );
});

test("npm start writes the three receivers' secrets into a fresh .env.local and into an existing one that lacks them, and keeps what is there", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ic-env-"));
  try {
    const fresh = path.join(dir, "fresh.env");
    assert.deepEqual(writeLocalSecrets(fresh, {}).written.sort(), ["AUTH_SECRET", ...RECEIVER_KEYS].sort());
    const values = parseEnvFile(readFileSync(fresh, "utf8"));
    for (const key of RECEIVER_KEYS) assert.match(values[key] ?? "", /^whsec_[0-9a-f]{48}$/, key);
    assert.equal(new Set(RECEIVER_KEYS.map((k) => values[k])).size, 3, "three different secrets");
    assert.deepEqual(writeLocalSecrets(fresh, {}).written, [], "nothing twice");

    // A .env.local from before the three receivers: one webhook secret, no newline at the end.
    const old = path.join(dir, "old.env");
    writeFileSync(old, "AUTH_SECRET=kept\nSTRIPE_WEBHOOK_SECRET=whsec_old_single_secret");
    assert.deepEqual(writeLocalSecrets(old, {}).written.sort(), RECEIVER_KEYS);
    const upgraded = parseEnvFile(readFileSync(old, "utf8"));
    assert.equal(upgraded.AUTH_SECRET, "kept");
    assert.equal(upgraded.STRIPE_WEBHOOK_SECRET, "whsec_old_single_secret");
    for (const key of RECEIVER_KEYS) assert.match(upgraded[key] ?? "", /^whsec_/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("in stripe mode the receivers' secrets are not generated: they come from Stripe", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ic-env-"));
  try {
    const file = path.join(dir, "stripe.env");
    assert.deepEqual(writeLocalSecrets(file, { STRIPE_SECRET_KEY: "sk_test_x" }), {
      written: ["AUTH_SECRET"],
      sandboxMode: false,
    });
    writeFileSync(path.join(dir, "key.env"), "STRIPE_SECRET_KEY=sk_test_in_file\n");
    assert.deepEqual(writeLocalSecrets(path.join(dir, "key.env"), {}), {
      written: ["AUTH_SECRET"],
      sandboxMode: false,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
