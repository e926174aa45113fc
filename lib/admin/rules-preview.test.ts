import { test } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_RULES } from "@/lib/rules/engine";
import type { PastDecision } from "@/db/queries/authorization-decisions";
import { previewRules } from "./rules-preview";
import { rulesFormSchema } from "@/lib/rules/rules-form";

const t0 = new Date("2026-11-01T12:00:00Z").getTime();
const d = (i: number, over: Partial<PastDecision> = {}): PastDecision => ({
  id: String(i),
  businessId: null,
  cardId: "ic_1",
  amount: 1000,
  currency: "usd",
  merchantCategory: "taxicabs_limousines",
  merchantCountry: "US",
  approved: true,
  createdAt: new Date(t0 + i * 60_000),
  ...over,
});

test("a blocked category turns its approvals into declines and nothing else", () => {
  const past = [
    d(1),
    d(2, { merchantCategory: "betting_casino_gambling" }),
    d(3, { merchantCategory: "betting_casino_gambling", approved: false }),
  ];
  const p = previewRules(past, { ...EMPTY_RULES, blockedCategories: ["betting_casino_gambling"] }, new Map());
  assert.deepEqual(p, {
    total: 3,
    approvedBefore: 2,
    approvedAfter: 1,
    newlyDeclined: 1,
    newlyApproved: 0,
    newlyDeclinedBy: { blocked_category: 1 },
  });
});

test("loosening rules shows which declines would have been approved", () => {
  const past = [d(1, { approved: false, amount: 50_000 })];
  assert.equal(previewRules(past, EMPTY_RULES, new Map()).newlyApproved, 1);
});

test("velocity is replayed in time order per card, over a rolling hour", () => {
  const past = [d(3), d(1), d(2), d(70), d(4, { cardId: "ic_2" })];
  const p = previewRules(past, { ...EMPTY_RULES, velocityPerHour: 2 }, new Map());
  // ic_1: minutes 1 and 2 approved, 3 declined (2 in the hour), 70 approved again (window moved).
  assert.equal(p.newlyDeclined, 1);
  assert.deepEqual(p.newlyDeclinedBy, { velocity: 1 });
});

test("a business's own stricter rules still apply in the preview", () => {
  const past = [d(1, { businessId: "b1" })];
  const p = previewRules(past, EMPTY_RULES, new Map([["b1", { ...EMPTY_RULES, killSwitch: true }]]));
  assert.equal(p.approvedAfter, 0);
});

test("the form coerces strings and explains bad values next to their fields", () => {
  const ok = rulesFormSchema.safeParse({
    blockedCategories: "betting_casino_gambling",
    allowedCountries: "us, mx",
    maxAmount: "1,000.50",
    velocityPerHour: "5",
    killSwitch: undefined,
  });
  assert.ok(ok.success);
  assert.deepEqual(ok.data, {
    blockedCategories: ["betting_casino_gambling"],
    allowedCountries: ["MX", "US"],
    maxAmount: 100050,
    currency: "usd",
    velocityPerHour: 5,
    killSwitch: false,
  });
  const bad = rulesFormSchema.safeParse({
    blockedCategories: ["not_a_category"],
    allowedCountries: "USA",
    maxAmount: "1.234",
    velocityPerHour: "0",
  });
  assert.ok(!bad.success);
  const paths = bad.error.issues.map((i) => i.path.join("."));
  assert.deepEqual(paths.sort(), ["allowedCountries", "blockedCategories", "maxAmount", "velocityPerHour"]);
});
