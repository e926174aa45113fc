import { test } from "node:test";
import assert from "node:assert/strict";
import { count } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import type { Db } from "@/db/connect";
import { adminInvites, auditLog, authorizationRules, operations } from "@/db/schema";
import { executeAction, type ActionSpec } from "@/lib/actions/execute";
import type { Actor } from "@/lib/actions/execute";
import { actors, makeBusiness, testDeps } from "@/testing/admin-fixtures";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { recordRequests } from "@/testing/stripe-clients";
import { ADMIN_SPECS, adminActions } from "./actions";

async function snapshot(db: Db) {
  const [[ops], [audit], [rules], [invites]] = await Promise.all([
    db.select({ n: count() }).from(operations),
    db.select({ n: count() }).from(auditLog),
    db.select({ n: count() }).from(authorizationRules),
    db.select({ n: count() }).from(adminInvites),
  ]);
  return { ops: ops?.n, audit: audit?.n, rules: rules?.n, invites: invites?.n };
}

const sandbox = sandboxForFile();

describeEachDatabase("every admin action refuses business users and signed-out users", (database) => {
  test("refused with forbidden / unauthenticated, and nothing changes (no rows, no Stripe call)", async () => {
    const { db } = database();
    const biz = await makeBusiness(db);
    const { owner } = await actors(db, biz);
    const sent = recordRequests(sandbox().stripe);
    const deps = testDeps(db, sandbox().stripe);
    const before = await snapshot(db);
    const inputs = ADMIN_SPECS.length;
    assert.ok(inputs >= 7, "every admin action is listed");
    const specs = adminActions(() => deps);
    for (const { name, action, input } of ADMIN_SPECS) {
      const s = specs[action] as unknown as ActionSpec<never, unknown, { actor: Actor }>;
      const payload = input(biz.id);
      for (const [who, actor, code] of [
        ["business owner", owner, "forbidden"],
        ["business owner posing as admin in input", { actor: { ...owner.actor, businessId: null } }, "forbidden"],
        ["signed out", null, "unauthenticated"],
      ] as const) {
        const result = await executeAction(db, actor, s, payload);
        assert.equal(result.ok, false, `${name} as ${who}`);
        assert.equal(!result.ok && result.error.code, code, `${name} as ${who}`);
      }
    }
    sent.stop();
    assert.deepEqual(await snapshot(db), before);
    assert.deepEqual(sent.calls, [], "no Stripe call was made");
  });
});
