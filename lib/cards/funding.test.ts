import { test } from "node:test";
import assert from "node:assert/strict";
import { cardFunding } from "./funding";

const mx = { fundingModel: "stablecoin" as const, financialAccountId: "fa_test_wallet" };
const us = { fundingModel: "treasury" as const, financialAccountId: "fa_us" };

test("a USDC card shows the wallet it names in financial_account_v2", () => {
  assert.deepEqual(cardFunding({ financial_account: null, financial_account_v2: "fa_test_wallet" }, mx), {
    kind: "usdc_wallet",
    financialAccount: "fa_test_wallet",
    inferred: false,
    ownWallet: true,
  });
  assert.deepEqual(cardFunding({ financial_account_v2: "fa_test_other" }, mx), {
    kind: "usdc_wallet",
    financialAccount: "fa_test_other",
    inferred: false,
    ownWallet: false,
  });
});

test("a stablecoin card whose object lacks financial_account_v2 falls back to the business's own wallet", () => {
  assert.deepEqual(cardFunding({ financial_account: null }, mx), {
    kind: "usdc_wallet",
    financialAccount: "fa_test_wallet",
    inferred: true,
    ownWallet: true,
  });
  assert.deepEqual(cardFunding({}, mx), {
    kind: "usdc_wallet",
    financialAccount: "fa_test_wallet",
    inferred: true,
    ownWallet: true,
  });
  assert.deepEqual(
    cardFunding({}, { ...mx, financialAccountId: null }),
    { kind: "issuing_balance" },
    "no wallet yet: nothing to point at",
  );
});

test("Treasury cards show their financial account; others the Issuing balance", () => {
  assert.deepEqual(cardFunding({ financial_account: "fa_us" }, us), {
    kind: "financial_account",
    financialAccount: "fa_us",
  });
  assert.deepEqual(
    cardFunding({ financial_account: null }, { fundingModel: "issuing_balance", financialAccountId: null }),
    { kind: "issuing_balance" },
  );
});
