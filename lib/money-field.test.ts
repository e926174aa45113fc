import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { moneyField } from "./money-field";

const schema = z.object({ amount: moneyField("usd", { max: 10_000_000, per: "transfer" }) });
const issue = (amount: unknown) => {
  const r = schema.safeParse({ amount });
  assert.equal(r.success, false);
  return r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

test("an amount typed as a decimal string becomes integer minor units", () => {
  assert.deepEqual(schema.parse({ amount: "1,234.5" }), { amount: 123_450 });
  assert.deepEqual(schema.parse({ amount: " 12 " }), { amount: 1200 });
});

test("a bad amount is refused on the amount field, with the money formatted for people", () => {
  assert.deepEqual(issue("12.345"), ["amount: Use at most 2 decimal places"]);
  assert.deepEqual(issue("0"), ["amount: Enter an amount greater than zero"]);
  assert.deepEqual(issue("1e3"), ["amount: Enter an amount like 12.50"]);
  assert.deepEqual(issue(undefined), ["amount: Enter an amount"]);
  assert.deepEqual(issue("100000.01"), ["amount: At most $100,000.00 per transfer"]);
});
