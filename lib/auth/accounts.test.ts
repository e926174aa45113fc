import { test } from "node:test";
import assert from "node:assert/strict";
import { count } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { auditLog, users } from "@/db/schema";
import { checkCredentials, signUpUser } from "./accounts";
import { signUpSchema } from "./schemas";

describeEachDatabase("accounts", (database) => {
  test("sign-up stores a hashed password and a lower-cased email, and is audited", async () => {
    const { db } = database();
    const input = signUpSchema.parse({ name: "Ada", email: " Ada@Example.test ", password: "long-enough-pw" });
    const result = await signUpUser(db, input);
    assert.ok(result.ok);
    assert.equal(result.user.email, "ada@example.test");
    assert.notEqual(result.user.passwordHash, "long-enough-pw");
    const [audit] = await db.select().from(auditLog);
    assert.equal(audit?.action, "user.signed_up");
  });

  test("an email already taken (in any case) is refused and changes nothing", async () => {
    const { db } = database();
    const before = await db.select({ n: count() }).from(users);
    const again = await signUpUser(
      db,
      signUpSchema.parse({ name: "Other", email: "ADA@example.test", password: "another-password" }),
    );
    assert.deepEqual(again, { ok: false, code: "email_taken" });
    const after = await db.select({ n: count() }).from(users);
    assert.deepEqual(after, before);
  });

  test("right password signs in; wrong password and unknown email do not", async () => {
    const { db } = database();
    const here = "192.0.2.1";
    assert.equal((await checkCredentials(db, "ada@example.test", "long-enough-pw", here)).ok, true);
    assert.deepEqual(await checkCredentials(db, "ada@example.test", "wrong", here), {
      ok: false,
      code: "invalid_credentials",
    });
    assert.deepEqual(await checkCredentials(db, "nobody@example.test", "long-enough-pw", here), {
      ok: false,
      code: "invalid_credentials",
    });
  });
});
