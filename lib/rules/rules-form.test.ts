import { test } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_RULES } from "./engine";
import { cardCurrencyFor } from "@/lib/funding-model";
import { rulesFormSchema, rulesFormSchemaFor } from "./rules-form";

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

test("a business's form is in its card currency: a UK business's 12.50 is 1250 pence", () => {
  const r = rulesFormSchemaFor(cardCurrencyFor("GB")).parse({ maxAmount: "12.50" });
  assert.equal(r.maxAmount, 1250);
  assert.equal(r.currency, "gbp");
  assert.equal(rulesFormSchemaFor(cardCurrencyFor("FR")).parse({ maxAmount: "12.50" }).currency, "eur");
  // The platform's form stays in USD.
  assert.equal(rulesFormSchema.parse({ maxAmount: "12.50" }).currency, "usd");
});
