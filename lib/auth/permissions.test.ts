import { test } from "node:test";
import assert from "node:assert/strict";
import { can, homePathFor, PERMISSIONS, permissionsOf } from "./permissions";

test("members can look but not move money or manage cards or the team", () => {
  assert.equal(can("member", "money.view"), true);
  assert.equal(can("member", "money.move"), false);
  assert.equal(can("member", "cards.manage"), false);
  assert.equal(can("member", "team.manage"), false);
});

test("only the owner manages the business itself; admins run day to day", () => {
  assert.equal(can("owner", "business.manage"), true);
  assert.equal(can("admin", "business.manage"), false);
  assert.equal(can("admin", "money.move"), true);
});

test("only the owner manages the team; everyone in the business can see it", () => {
  assert.equal(can("owner", "team.manage"), true);
  assert.equal(can("admin", "team.manage"), false);
  assert.equal(can("member", "team.manage"), false);
  for (const r of ["owner", "admin", "member"] as const) assert.equal(can(r, "team.view"), true, r);
  assert.equal(can("platform_admin", "team.view"), false);
});

test("only the owner sees the business's activity log", () => {
  assert.equal(can("owner", "activity.view"), true);
  for (const r of ["admin", "member", "platform_admin"] as const) assert.equal(can(r, "activity.view"), false, r);
});

test("business roles hold no platform permission and platform admins hold no business one", () => {
  for (const p of PERMISSIONS) {
    if (p.startsWith("platform.")) {
      for (const r of ["owner", "admin", "member"] as const) assert.equal(can(r, p), false, `${r} ${p}`);
    } else {
      assert.equal(can("platform_admin", p), false, p);
    }
  }
  assert.ok(permissionsOf("platform_admin").includes("platform.funding"));
  assert.equal(can(null, "business.view"), false);
});

test("each kind of user has its own home", () => {
  assert.equal(homePathFor({ platformRole: "platform_admin" }), "/admin");
  assert.equal(homePathFor({ platformRole: null }), "/dashboard");
  assert.equal(homePathFor({ platformRole: null }, ["cardholder"]), "/my-cards");
  assert.equal(homePathFor({ platformRole: null }, ["cardholder", "member"]), "/dashboard");
});

test("a cardholder holds only their own cards; owners and admins invite cardholders, members can't", () => {
  assert.deepEqual(permissionsOf("cardholder"), ["cards.own", "cards.request", "receipts.upload"]);
  for (const r of ["owner", "admin", "member", "platform_admin"] as const) assert.equal(can(r, "cards.own"), false, r);
  assert.equal(can("owner", "cardholders.invite"), true);
  assert.equal(can("admin", "cardholders.invite"), true);
  assert.equal(can("member", "cardholders.invite"), false);
  assert.equal(can("cardholder", "cardholders.invite"), false);
});
