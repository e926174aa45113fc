import { test } from "node:test";
import assert from "node:assert/strict";
import { fundingModelFor } from "./funding-model";

test("country picks the funding model", () => {
  assert.equal(fundingModelFor("US"), "treasury");
  assert.equal(fundingModelFor("mx"), "stablecoin");
  assert.equal(fundingModelFor("AR"), "stablecoin");
  assert.equal(fundingModelFor("GB"), "issuing_balance");
  assert.equal(fundingModelFor("FR"), "issuing_balance");
  assert.equal(fundingModelFor("BR"), null);
});
