import { test } from "node:test";
import assert from "node:assert/strict";
import { balanceCurrencyFor, cardCurrencyFor, fundingModelFor } from "./funding-model";

test("country picks the funding model", () => {
  assert.equal(fundingModelFor("US"), "treasury");
  assert.equal(fundingModelFor("mx"), "stablecoin");
  assert.equal(fundingModelFor("AR"), "stablecoin");
  assert.equal(fundingModelFor("GB"), "issuing_balance");
  assert.equal(fundingModelFor("FR"), "issuing_balance");
  assert.equal(fundingModelFor("BR"), null);
});

test("country picks the currency held and the currency cards spend", () => {
  assert.deepEqual(
    ["US", "MX", "GB", "fr", "DE", "SE"].map((c) => [balanceCurrencyFor(c), cardCurrencyFor(c)]),
    [
      ["usd", "usd"],
      ["usdc", "usd"],
      ["gbp", "gbp"],
      ["eur", "eur"],
      ["eur", "eur"],
      ["eur", "eur"],
    ],
  );
});
