import { test } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_NAV } from "@/components/admin/admin-nav";
import { currentItem } from "./nav-links";

const current = (path: string) => currentItem(ADMIN_NAV, path)?.label ?? null;

test("the current section is the longest link the path is at or under", () => {
  assert.equal(current("/admin"), "Overview");
  assert.equal(current("/admin/accounts"), "Accounts");
  assert.equal(current("/admin/accounts/acct_123/review"), "Accounts", "a page inside a section");
  assert.equal(current("/admin/rules"), "Rules");
});

test("a path that only starts with a link's letters is not under it, and other areas match nothing", () => {
  assert.equal(current("/administrators"), null);
  assert.equal(current("/admin/accountsx"), "Overview", "under /admin, not under /admin/accounts");
  assert.equal(current("/dashboard"), null);
});
