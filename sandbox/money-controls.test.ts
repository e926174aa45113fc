import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { eventually, startTestSandbox, type TestSandbox } from "./test-helpers";
import { treasuryAccount } from "./resources/treasury/fixtures";
import { stablecoinAccount, usdcFa, v2, type Obj } from "./resources/money-management/fixtures";
import { assertLedger } from "./ledger/invariants";

let t: TestSandbox;
before(async () => {
  // A long delay so only the control can activate the ABA address during the test.
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 60_000 } });
});
after(() => t.close());

const post = (path: string, body: unknown = {}) =>
  fetch(`${t.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

test("the activate control finishes ABA activation; a returned OutboundPayment gives the money back with its transaction", async () => {
  const { stripe } = t;
  const acct = await treasuryAccount(stripe);
  const opts = { stripeAccount: acct };
  const fa = await stripe.treasury.financialAccounts.create(
    {
      supported_currencies: ["usd"],
      features: { financial_addresses: { aba: { requested: true } }, outbound_payments: { ach: { requested: true } } },
    },
    opts,
  );
  assert.deepEqual(fa.pending_features, ["financial_addresses.aba"]);
  assert.equal((await post(`/_sandbox/treasury/financial_accounts/${fa.id}/activate`)).status, 200);
  assert.ok(
    (await stripe.treasury.financialAccounts.retrieve(fa.id, {}, opts)).active_features?.includes(
      "financial_addresses.aba",
    ),
  );
  await stripe.testHelpers.treasury.receivedCredits.create(
    { financial_account: fa.id, amount: 1000, currency: "usd", network: "ach" },
    opts,
  );
  const obp = await stripe.treasury.outboundPayments.create(
    {
      financial_account: fa.id,
      amount: 600,
      currency: "usd",
      destination_payment_method_data: {
        type: "us_bank_account",
        us_bank_account: { routing_number: "110000000", account_number: "000000000009" },
      },
    },
    opts,
  );
  await stripe.testHelpers.treasury.outboundPayments.post(obp.id, {}, opts);
  assert.equal((await stripe.treasury.financialAccounts.retrieve(fa.id, {}, opts)).balance.cash.usd, 400);
  const returned = await stripe.testHelpers.treasury.outboundPayments.returnOutboundPayment(
    obp.id,
    { returned_details: { code: "account_closed" } },
    opts,
  );
  assert.equal(returned.status, "returned");
  assert.equal(returned.returned_details?.code, "account_closed");
  const back = await stripe.treasury.transactions.retrieve(String(returned.returned_details?.transaction), {}, opts);
  assert.deepEqual([back.status, back.amount, back.balance_impact.cash], ["posted", 600, 600]);
  assert.equal((await stripe.treasury.financialAccounts.retrieve(fa.id, {}, opts)).balance.cash.usd, 1000);
  await assert.rejects(
    stripe.testHelpers.treasury.outboundPayments.post(obp.id, {}, opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && /must be processing/.test(e.message),
  );
  assertLedger(t.sandbox.kernel.store);
});

test("fx_rates change the USD→USDC conversion; the ReceivedDebit control pulls from a v2 FA; reset recreates the platform FA", async () => {
  const { stripe } = t;
  assert.equal(
    (await post("/_sandbox/config", { fx_rates: { "usd:usdc": 0.5 }, treasury_activation_delay_ms: 0 })).status,
    200,
  );
  const platform = (await v2(stripe, "GET", "/v2/money_management/financial_accounts")).data[0] as Obj;
  const addr = await v2(stripe, "POST", "/v2/money_management/financial_addresses", {
    financial_account: platform.id,
    type: "us_bank_account",
  });
  await eventually(
    async () => (await v2(stripe, "GET", `/v2/money_management/financial_addresses/${addr.id}`)).status === "active",
  );
  await v2(stripe, "POST", `/v2/test_helpers/financial_addresses/${addr.id}/credit`, {
    amount: { value: 1000, currency: "usd" },
    network: "ach",
  });
  const acct = await stablecoinAccount(stripe);
  const fa = await usdcFa(stripe, acct);
  const obp = await v2(stripe, "POST", "/v2/money_management/outbound_payments", {
    from: { financial_account: platform.id, currency: "usd" },
    to: { recipient: acct, payout_method: fa.id, currency: "usdc" },
    amount: { value: 1000, currency: "usd" },
  });
  assert.deepEqual(obp.to.credited, { value: 500, currency: "usdc" });
  const rd = (await (
    await post(`/_sandbox/v2/financial_accounts/${fa.id}/received_debits`, { amount: { value: 200, currency: "usdc" } })
  ).json()) as Obj;
  assert.equal(rd.status, "succeeded");
  const tooMuch = (await (
    await post(`/_sandbox/v2/financial_accounts/${fa.id}/received_debits`, { amount: { value: 301, currency: "usdc" } })
  ).json()) as Obj;
  assert.deepEqual([tooMuch.status, tooMuch.status_details.failed.reason], ["failed", "insufficient_funds"]);
  assert.equal(
    (await v2(stripe, "GET", `/v2/money_management/financial_accounts/${fa.id}`, {}, acct)).balance.available.usdc
      .value,
    300,
  );
  assertLedger(t.sandbox.kernel.store);
  await post("/_sandbox/config", { fx_rates: { "usd:usdc": 1 } });
  assert.equal((await post("/_sandbox/reset", { seed: "money" })).status, 200);
  const after = await v2(stripe, "GET", "/v2/money_management/financial_accounts");
  assert.equal(after.data.length, 1);
  assert.deepEqual(after.data[0].balance.available.usd, { value: 0, currency: "usd" });
});
