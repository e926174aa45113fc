import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "@/db/testing";
import { eq } from "drizzle-orm";
import { auditLog, authorizationDecisions } from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import { adminActions } from "@/lib/admin/actions";
import { actors, makeBusiness, testDeps } from "@/testing/admin-fixtures";
import { loadRules } from "@/lib/rules/rules-store";
import { decisionStats } from "@/db/queries/authorization-decisions";

const now = new Date("2026-11-20T12:00:00Z");

describeEachDatabase("decision statistics and the rules editor", (database) => {
  test("approval rate, top decline reasons and latency percentiles over the period", async () => {
    const { db } = database();
    const row = (i: number, approved: boolean, rule: string | null, latencyMs: number, daysAgo = 1) => ({
      eventId: `evt_stats_${i}`,
      authorizationId: `iauth_${i}`,
      cardId: "ic_1",
      amount: 100,
      currency: "usd",
      approved,
      latencyMs,
      decidedBy: (approved ? "default" : "platform") as "default" | "platform",
      rule,
      reason: rule ?? "ok",
      createdAt: new Date(now.getTime() - daysAgo * 86_400_000),
    });
    const rows = [];
    for (let i = 0; i < 100; i++)
      rows.push(row(i, i >= 20, i < 15 ? "blocked_category" : i < 20 ? "max_amount" : null, i + 1));
    rows.push(row(1000, false, "velocity", 5000, 45), {
      ...row(1001, false, null, 900),
      decidedBy: "fallback" as never,
    });
    await db.insert(authorizationDecisions).values(rows);
    const s = await decisionStats(db, 30, now);
    assert.equal(s.total, 101, "the 45-day-old decision is outside the period");
    assert.equal(s.approved, 80);
    assert.deepEqual(s.topDeclines, [
      { rule: "blocked_category", decidedBy: "platform", n: 15 },
      { rule: "max_amount", decidedBy: "platform", n: 5 },
      { rule: "fallback", decidedBy: "fallback", n: 1 },
    ]);
    assert.equal(s.latency.p50, 51);
    assert.ok(s.latency.p99 > 99 && s.latency.p99 <= 900, String(s.latency.p99));
  });

  test("an admin's preview changes nothing; saving applies and audits the before and after", async () => {
    const { db } = database();
    const biz = await makeBusiness(db);
    const { admin } = await actors(db, biz);
    const deps = testDeps(db);
    const form = {
      blockedCategories: ["betting_casino_gambling"],
      allowedCountries: "us",
      maxAmount: "",
      velocityPerHour: "",
    };
    const preview = await executeAction(db, admin, adminActions(() => deps).previewRules, form);
    assert.ok(preview.ok);
    assert.deepEqual((await loadRules(db, null)).platform.blockedCategories, []);
    const saved = await executeAction(db, admin, adminActions(() => deps).saveRules, form);
    assert.ok(saved.ok);
    const { platform } = await loadRules(db, null);
    assert.deepEqual([platform.blockedCategories, platform.allowedCountries], [["betting_casino_gambling"], ["US"]]);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "admin.rules.saved"));
    assert.equal(entry?.actorUserId, admin.actor.userId);
    assert.deepEqual((entry?.data.before as { blockedCategories: string[] }).blockedCategories, []);
    assert.deepEqual((entry?.data.after as { blockedCategories: string[] }).blockedCategories, [
      "betting_casino_gambling",
    ]);
  });
});
