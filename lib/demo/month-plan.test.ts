import { test } from "node:test";
import assert from "node:assert/strict";
import { demoPurchases, DEMO_PEOPLE } from "./month-plan";

const START = Date.UTC(2026, 10, 1) / 1000;

test("the demo month is the same every time: a few hundred purchases over 30 days, most days busy", () => {
  const a = demoPurchases(START);
  assert.deepEqual(demoPurchases(START), a);
  const purchases = a.days.flatMap((d) => d.steps.flatMap((s) => (s.kind === "purchase" ? [s.purchase] : [])));
  assert.ok(purchases.length >= 200 && purchases.length <= 400, `${purchases.length} purchases`);
  assert.equal(a.days.length, 30);
  const busy = a.days.filter((d) => d.steps.some((s) => s.kind === "purchase")).length;
  assert.ok(busy >= 25, `${busy} days with purchases`);
  // Each within its day, in order, and by one of the team.
  a.days.forEach((day, i) => {
    const times = day.steps.flatMap((s) => (s.kind === "purchase" ? [s.purchase.at] : []));
    assert.deepEqual(
      times,
      [...times].sort((x, y) => x - y),
    );
    for (const t of times) assert.ok(t >= START + i * 86_400 && t < START + (i + 1) * 86_400);
  });
  assert.ok(purchases.every((p) => DEMO_PEOPLE.some((person) => person.key === p.person)));
});

test("the month holds purchases its rules decline, and every kind of money movement", () => {
  const { days } = demoPurchases(START);
  const steps = days.flatMap((d) => d.steps);
  const categories = new Set(steps.flatMap((s) => (s.kind === "purchase" ? [s.purchase.merchant.category] : [])));
  assert.ok(categories.has("wires_money_orders"), "a purchase the platform's rule declines");
  const overMax = steps.filter((s) => s.kind === "purchase" && s.purchase.amount > 250_000);
  assert.ok(overMax.length >= 2, "purchases above Acme's maximum");
  for (const kind of ["funding", "deposit", "refund", "dispute", "replace", "freeze"])
    assert.ok(
      steps.some((s) => s.kind === kind),
      kind,
    );
  // Only the last day's purchases stay pending.
  const pending = steps.flatMap((s) => (s.kind === "purchase" && !s.purchase.capture ? [s.purchase] : []));
  assert.ok(pending.every((p) => p.at >= START + 29 * 86_400));
});
