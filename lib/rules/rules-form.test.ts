import { test } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_RULES } from "./engine";
import { rulesFormSchema } from "./rules-form";

test("form strings become a rule set with money in minor units", () => {
  const r = rulesFormSchema.parse({
    blockedCategories: ["drinking_places", "betting_casino_gambling"],
    allowedCountries: "us, mx",
    maxAmount: "250.5",
    velocityPerHour: "12",
    killSwitch: "on",
  });
  // Sorted, as the platform's parser always stored them: one canonical order for both rule sets.
  assert.deepEqual(r, {
    blockedCategories: ["betting_casino_gambling", "drinking_places"],
    allowedCountries: ["MX", "US"],
    maxAmount: 25050,
    currency: "usd",
    velocityPerHour: 12,
    killSwitch: true,
  });
});

test("empty fields mean no rule of that kind", () => {
  assert.deepEqual(rulesFormSchema.parse({ allowedCountries: "", maxAmount: "", velocityPerHour: "" }), EMPTY_RULES);
});

test("bad values are refused field by field", () => {
  const bad = (input: Record<string, unknown>, field: string) => {
    const r = rulesFormSchema.safeParse(input);
    assert.equal(r.success, false);
    assert.ok(!r.success && r.error.issues.some((i) => i.path[0] === field), field);
  };
  bad({ blockedCategories: "not_a_category" }, "blockedCategories");
  bad({ allowedCountries: "USA" }, "allowedCountries");
  bad({ maxAmount: "-5" }, "maxAmount");
  bad({ maxAmount: "1.234" }, "maxAmount");
  bad({ velocityPerHour: "1.5" }, "velocityPerHour");
  bad({ velocityPerHour: "0" }, "velocityPerHour");
});
