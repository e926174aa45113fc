import { test } from "node:test";
import assert from "node:assert/strict";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";

test("a hashed password verifies, a different one does not", async () => {
  const hash = await hashPassword("correct horse battery");
  assert.match(hash, /^scrypt\$16384\$8\$1\$/);
  assert.ok(!hash.includes("correct horse"));
  assert.equal(await verifyPassword("correct horse battery", hash), true);
  assert.equal(await verifyPassword("correct horse batterY", hash), false);
});

test("two hashes of one password differ (random salt)", async () => {
  assert.notEqual(await hashPassword("same-password"), await hashPassword("same-password"));
});

test("a malformed stored hash never verifies", async () => {
  assert.equal(await verifyPassword("x", "plain-text"), false);
  assert.equal(await verifyPassword("x", DUMMY_PASSWORD_HASH), false);
});
