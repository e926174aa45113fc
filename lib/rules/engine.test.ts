import { test } from "node:test";
import assert from "node:assert/strict";
import { decide, EMPTY_RULES, looserThan, type AuthorizationRequest, type RuleSet } from "./engine";

const taxi: AuthorizationRequest = {
  amount: 1000,
  currency: "usd",
  merchantCategory: "taxicabs_limousines",
  merchantCountry: "US",
};
const rules = (over: Partial<RuleSet>): RuleSet => ({ ...EMPTY_RULES, ...over });

test("with no rules everything is approved", () => {
  assert.deepEqual(decide(taxi, EMPTY_RULES, null, 0), {
    approved: true,
    decidedBy: "default",
    rule: null,
    reason: "No rule declined",
  });
});

test("each rule kind declines with its own reason", () => {
  const cases: Array<[Partial<RuleSet>, AuthorizationRequest, string]> = [
    [{ killSwitch: true }, taxi, "kill_switch"],
    [{ blockedCategories: ["taxicabs_limousines"] }, taxi, "blocked_category"],
    [{ allowedCountries: ["MX"] }, taxi, "country_not_allowed"],
    [{ allowedCountries: ["US"] }, { ...taxi, merchantCountry: null }, "country_not_allowed"],
    [{ maxAmount: 999 }, taxi, "max_amount"],
  ];
  for (const [over, req, rule] of cases) {
    const d = decide(req, rules(over), null, 0);
    assert.equal(d.approved, false, rule);
    assert.equal(d.rule, rule);
    assert.equal(d.decidedBy, "platform");
  }
  assert.equal(decide(taxi, rules({ maxAmount: 1000 }), null, 0).approved, true, "the maximum itself is allowed");
  assert.equal(decide(taxi, rules({ allowedCountries: ["US"] }), null, 0).approved, true);
  assert.equal(decide({ ...taxi, merchantCountry: "us" }, rules({ allowedCountries: ["US"] }), null, 0).approved, true);
});

test("velocity counts approvals already made in the rolling hour", () => {
  const r = rules({ velocityPerHour: 3 });
  assert.equal(decide(taxi, r, null, 2).approved, true);
  const d = decide(taxi, r, null, 3);
  assert.equal(d.approved, false);
  assert.equal(d.rule, "velocity");
});

test("platform rules decide first; business rules can only add declines", () => {
  const platform = rules({ blockedCategories: ["gambling"], maxAmount: 50_000 });
  const business = rules({ maxAmount: 500 });
  const both = decide({ ...taxi, merchantCategory: "gambling", amount: 800 }, platform, business, 0);
  assert.equal(both.decidedBy, "platform");
  assert.equal(both.rule, "blocked_category");
  const biz = decide(taxi, platform, business, 0);
  assert.equal(biz.decidedBy, "business");
  assert.equal(biz.rule, "max_amount");
  // A looser business rule can't approve what the platform declines.
  const loose = decide({ ...taxi, amount: 60_000 }, platform, rules({ maxAmount: 100_000 }), 0);
  assert.equal(loose.approved, false);
  assert.equal(loose.decidedBy, "platform");
});

test("a business pause (kill switch) declines even when the platform approves", () => {
  const d = decide(taxi, EMPTY_RULES, rules({ killSwitch: true }), 0);
  assert.equal(d.approved, false);
  assert.equal(d.decidedBy, "business");
  assert.equal(d.rule, "kill_switch");
});

test("looserThan names each value a business set above the platform's, and accepts unset kinds", () => {
  const platform = rules({
    blockedCategories: ["gambling"],
    allowedCountries: ["US", "MX"],
    maxAmount: 1000,
    velocityPerHour: 10,
  });
  assert.deepEqual(
    looserThan(
      rules({ blockedCategories: ["bars"], allowedCountries: ["US"], maxAmount: 500, velocityPerHour: 5 }),
      platform,
    ),
    [],
  );
  assert.deepEqual(looserThan(EMPTY_RULES, platform), []);
  const problems = looserThan(
    rules({ allowedCountries: ["US", "CA"], maxAmount: 5000, velocityPerHour: 11 }),
    platform,
  );
  assert.deepEqual(problems, [
    "allowedCountries: the platform does not allow CA",
    "maxAmount: the platform's maximum is $10.00",
    "velocityPerHour: the platform's limit is 10",
  ]);
});

test("maximums compare in the rule's currency and don't compare across currencies", () => {
  const gbp = rules({ maxAmount: 1250, currency: "gbp" });
  const purchase = (amount: number, currency: string) => ({ ...taxi, merchantCountry: "GB", amount, currency });
  const above = decide(purchase(1300, "gbp"), EMPTY_RULES, gbp, 0);
  assert.equal(above.approved, false);
  assert.equal(!above.approved && above.rule, "max_amount");
  assert.equal(decide(purchase(1250, "GBP"), EMPTY_RULES, gbp, 0).approved, true);
  // A USD purchase can't be compared with a GBP maximum without a rate.
  assert.equal(decide(purchase(1300, "usd"), EMPTY_RULES, gbp, 0).approved, true);
  // A UK business's GBP maximum isn't "above" the platform's USD one: different currencies.
  assert.deepEqual(looserThan(rules({ maxAmount: 50_000, currency: "gbp" }), rules({ maxAmount: 10_000 })), []);
  assert.equal(
    looserThan(rules({ maxAmount: 50_000, currency: "gbp" }), rules({ maxAmount: 10_000, currency: "gbp" })).length,
    1,
  );
});
