import { test } from "node:test";
import assert from "node:assert/strict";
import { ACME_MAX_AMOUNT, DEMO_MONTHS, demoMonthPlan, type DemoProfile } from "./month-plan";

const START = Date.UTC(2026, 10, 1) / 1000;
const purchasesOf = (profile: DemoProfile) =>
  demoMonthPlan(START, profile).days.flatMap((d) =>
    d.steps.flatMap((s) => (s.kind === "purchase" ? [s.purchase] : [])),
  );

test("each demo month is the same every time: 30 days of purchases, each within its day, by the business's people", () => {
  for (const profile of DEMO_MONTHS) {
    const plan = demoMonthPlan(START, profile);
    assert.deepEqual(demoMonthPlan(START, profile), plan, profile.business);
    assert.equal(plan.days.length, 30);
    plan.days.forEach((day, i) => {
      const times = day.steps.flatMap((s) => (s.kind === "purchase" ? [s.purchase.at] : []));
      assert.deepEqual(
        times,
        [...times].sort((x, y) => x - y),
      );
      for (const t of times) assert.ok(t >= START + i * 86_400 && t < START + (i + 1) * 86_400);
    });
    const purchases = purchasesOf(profile);
    assert.ok(purchases.length >= 30, `${profile.business}: ${purchases.length} purchases`);
    assert.ok(purchases.every((p) => profile.people.some((person) => person.key === p.person)));
    // Only the last day's purchases stay pending; a frozen card's holder stops buying.
    assert.ok(purchases.filter((p) => !p.capture).every((p) => p.at >= START + 29 * 86_400));
    const frozen = profile.frozen;
    if (frozen) assert.ok(purchases.every((p) => p.person !== frozen.person || p.at < START + frozen.from * 86_400));
  }
});

test("the US month has a few hundred purchases on most days, some its rules decline, and every kind of money movement", () => {
  const us = DEMO_MONTHS.find((p) => p.business === "Acme Supplies Inc.")!;
  const purchases = purchasesOf(us);
  assert.ok(purchases.length >= 200 && purchases.length <= 400, `${purchases.length} purchases`);
  const busy = new Set(purchases.map((p) => Math.floor((p.at - START) / 86_400))).size;
  assert.ok(busy >= 25, `${busy} days with purchases`);
  assert.ok(
    purchases.some((p) => p.merchant.category === "wires_money_orders"),
    "the platform's rule declines one",
  );
  assert.ok(purchases.filter((p) => p.amount > ACME_MAX_AMOUNT).length >= 2, "Acme's maximum declines some");
  const kinds = new Set<string>(demoMonthPlan(START, us).days.flatMap((d) => d.steps.map((s) => s.kind)));
  for (const kind of ["funding", "deposit", "refund", "dispute", "replace", "freeze"]) assert.ok(kinds.has(kind), kind);
  const mx = DEMO_MONTHS.find((p) => p.business.startsWith("Comercial"))!;
  const payouts = demoMonthPlan(START, mx).days.flatMap((d) => d.steps.filter((s) => s.kind === "payout"));
  assert.deepEqual(new Set(payouts.map((p) => (p.kind === "payout" ? `${p.to}:${p.fails}` : ""))).size, 3);
});
