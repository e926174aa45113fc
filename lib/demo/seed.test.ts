import { test } from "node:test";
import assert from "node:assert/strict";
import { count } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { businesses, memberships, users } from "@/db/schema";
import { seedDemoData } from "./seed";
import { checkCredentials } from "@/lib/auth/accounts";

describeEachDatabase("demo seed", (database) => {
  test("seeds the demo sign-ins once, with their roles and businesses", async () => {
    const { db } = database();
    assert.deepEqual(await seedDemoData(db), { seeded: true });
    assert.deepEqual(await seedDemoData(db), { seeded: false });
    assert.deepEqual(await db.select({ n: count() }).from(users), [{ n: 7 }]);
    assert.deepEqual(
      await db.select({ n: count() }).from(memberships),
      [{ n: 6 }],
      "three owners, Acme's admin (also Brightside's) and member; the cardholder joins Acme once its account exists (seed-cardholder)",
    );
    const admin = await checkCredentials(db, "admin@platform.test", "sandbox-demo", "127.0.0.1");
    assert.ok(admin.ok && admin.user.platformRole === "platform_admin");
    const owner = await checkCredentials(db, "owner@mx.test", "sandbox-demo", "127.0.0.1");
    assert.ok(owner.ok && owner.user.platformRole === null);
    const models = (await db.select().from(businesses)).map((b) => `${b.country}:${b.fundingModel}`).sort();
    assert.deepEqual(models, ["GB:issuing_balance", "MX:stablecoin", "US:treasury"]);
  });
});
