import { test } from "node:test";
import assert from "node:assert/strict";
import { enrolFirstResponse, mustEnrol, twoFactorRequired } from "./policy";

function withEnv(env: Record<string, string | undefined>, fn: () => void) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    fn();
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

const admin = { platformRole: "platform_admin" as const, totpEnabledAt: null };
const person = { platformRole: null, totpEnabledAt: null };

test("REQUIRE_2FA on: platform admins and business owners must use 2FA; admins and members of a business need not", () => {
  withEnv({ REQUIRE_2FA: "true" }, () => {
    assert.equal(twoFactorRequired(admin, []), true);
    assert.equal(twoFactorRequired(person, [{ role: "owner" }]), true);
    assert.equal(twoFactorRequired(person, [{ role: "admin" }, { role: "member" }]), false);
    assert.equal(mustEnrol({ user: admin, memberships: [] }), true);
    assert.equal(mustEnrol({ user: { ...admin, totpEnabledAt: new Date() }, memberships: [] }), false);
  });
});

test("REQUIRE_2FA defaults: off in the sandbox (the demo admin signs in with a password), on with real Stripe", () => {
  withEnv({ REQUIRE_2FA: undefined, STRIPE_SECRET_KEY: undefined }, () => {
    assert.equal(twoFactorRequired(admin, []), false);
  });
  withEnv({ REQUIRE_2FA: undefined, STRIPE_SECRET_KEY: "sk_test_x" }, () => {
    assert.equal(twoFactorRequired(admin, []), true);
  });
  withEnv({ REQUIRE_2FA: "0", STRIPE_SECRET_KEY: "sk_test_x" }, () => {
    assert.equal(twoFactorRequired(admin, []), false);
  });
  withEnv({ REQUIRE_2FA: "1", STRIPE_SECRET_KEY: undefined }, () => {
    assert.equal(twoFactorRequired(person, [{ role: "owner" }]), true);
  });
});

test("route handlers refuse a viewer who must enrol with a 403 naming where to set it up; others pass", async () => {
  const enrolled = { ...admin, totpEnabledAt: new Date() };
  let refused: Response | null = null;
  withEnv({ REQUIRE_2FA: "true" }, () => {
    refused = enrolFirstResponse({ user: admin, memberships: [] });
    assert.equal(enrolFirstResponse({ user: person, memberships: [{ role: "owner" }] })?.status, 403);
    assert.equal(enrolFirstResponse({ user: enrolled, memberships: [] }), null);
    assert.equal(enrolFirstResponse({ user: person, memberships: [{ role: "member" }] }), null);
    assert.equal(enrolFirstResponse(null), null, "signed-out viewers get the route's own 401");
  });
  withEnv({ REQUIRE_2FA: "false" }, () => {
    assert.equal(enrolFirstResponse({ user: admin, memberships: [] }), null);
  });
  const response = refused as Response | null;
  assert.equal(response?.status, 403);
  assert.match((await response?.text()) ?? "", /\/account\/two-factor/);
});
