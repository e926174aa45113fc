import { test } from "node:test";
import assert from "node:assert/strict";
import { accountSessionComponents } from "./components";

test("a member gets read-only components: no send_money, no card management, no onboarding", () => {
  const c = accountSessionComponents("member", "treasury");
  assert.equal(c.financial_account?.features?.send_money, false);
  assert.equal(c.financial_account?.features?.transfer_balance, false);
  assert.equal(c.issuing_cards_list?.features?.card_management, false);
  assert.equal(c.issuing_cards_list?.features?.spend_control_management, false);
  assert.equal(c.account_onboarding, undefined);
});

test("owners and admins can move money and manage cards; only owners onboard", () => {
  for (const role of ["owner", "admin"] as const) {
    const c = accountSessionComponents(role, "treasury");
    assert.equal(c.financial_account?.features?.send_money, true, role);
    assert.equal(c.issuing_cards_list?.features?.card_management, true, role);
  }
  assert.equal(accountSessionComponents("owner", "treasury").account_onboarding?.enabled, true);
  assert.equal(accountSessionComponents("admin", "treasury").account_onboarding, undefined);
});

test("USDC businesses get no Treasury financial-account components", () => {
  const c = accountSessionComponents("owner", "stablecoin");
  assert.equal(c.financial_account, undefined);
  assert.equal(c.financial_account_transactions, undefined);
  assert.equal(c.issuing_cards_list?.enabled, true);
});
