import { test } from "node:test";
import assert from "node:assert/strict";
import { findLeaks, parseEnvFile } from "./secret-scan";

// Live-key shapes are assembled at run time so this file never holds anything that looks like a real key.
const live = (prefix: string, rest: string) => `${prefix}_${"live"}_${rest}`;

test("Stripe secret and restricted keys and webhook secrets are found by shape", () => {
  assert.deepEqual(
    findLeaks('const k = "sk_test_sandbox_issuing_console"').map((f) => f.name),
    ["Stripe secret key"],
  );
  assert.deepEqual(
    findLeaks(`key=${live("sk", "51Habc123def")}`).map((f) => f.name),
    ["Stripe secret key"],
  );
  assert.deepEqual(
    findLeaks(live("rk", "abcdef123")).map((f) => f.name),
    ["Stripe restricted key"],
  );
  assert.deepEqual(
    findLeaks("whsec_0123456789abcdef").map((f) => f.name),
    ["webhook signing secret"],
  );
  assert.deepEqual(
    findLeaks('{\\"cvc\\":\\"123\\"}').map((f) => f.name),
    ["card CVC"],
  );
});

test("ordinary text with look-alike fragments is not a finding", () => {
  assert.deepEqual(
    findLeaks("network_test_mode work_live_x pk_test_sandbox_issuing_console cvc_check whsec_ sk_test_"),
    [],
  );
  assert.deepEqual(findLeaks('{"cvc_check":"pass"}'), []);
});

test("exact values are found, reported by name, and never printed", () => {
  const [f] = findLeaks("…account 000123456789 here…", [{ name: "account number", value: "000123456789" }]);
  assert.equal(f?.name, "account number");
  assert.ok(!f?.excerpt.includes("000123456789"));
  assert.deepEqual(findLeaks("•••• 6789", [{ name: "account number", value: "000123456789" }]), []);
});

test("a value too short to mean anything is refused rather than searched", () => {
  assert.throws(() => findLeaks("x", [{ name: "cvc", value: "123" }]), /too short/);
});

test(".env files are read as KEY=value lines, comments and quotes handled", () => {
  assert.deepEqual(parseEnvFile('# comment\nAUTH_SECRET=abc\n STRIPE_WEBHOOK_SECRET = "whsec_x"\n\nBAD LINE\n'), {
    AUTH_SECRET: "abc",
    STRIPE_WEBHOOK_SECRET: "whsec_x",
  });
});
