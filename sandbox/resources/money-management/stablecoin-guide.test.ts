import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import Stripe from "stripe";
import { eventually, startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { stablecoinAccount, v2, type Obj } from "./fixtures";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
});
after(() => t.close());

test("stablecoin guide: platform FA funded → MX storer account → USDC FA → 100 USD becomes 100 USDC → polygon wallet → 10 USDC out", async () => {
  const { stripe } = t;
  // 1. The platform's own usd financial account exists from the start; fund it through a financial address.
  const platformFas = await v2(stripe, "GET", "/v2/money_management/financial_accounts");
  assert.equal(platformFas.data.length, 1);
  const platformFa = platformFas.data[0] as Obj;
  assert.deepEqual(platformFa.storage.holds_currencies, ["usd"]);
  assert.deepEqual(platformFa.balance.available.usd, { value: 0, currency: "usd" });
  const addr = await v2(stripe, "POST", "/v2/money_management/financial_addresses", {
    financial_account: platformFa.id,
    type: "us_bank_account",
  });
  assert.equal(addr.status, "pending");
  assert.equal(addr.credentials, undefined, "no credentials until active");
  const active = await eventually(async () => {
    const a = await v2(
      stripe,
      "GET",
      `/v2/money_management/financial_addresses/${addr.id}?include[0]=credentials.us_bank_account.account_number`,
    );
    return a.status === "active" && a;
  });
  assert.equal(active.credentials.us_bank_account.routing_number, "110000000");
  assert.match(active.credentials.us_bank_account.account_number, /^\d{12}$/);
  const plain = await v2(stripe, "GET", `/v2/money_management/financial_addresses/${addr.id}`);
  assert.equal(plain.credentials.us_bank_account.account_number, undefined, "full number only with include[]");
  const sim = await v2(stripe, "POST", `/v2/test_helpers/financial_addresses/${addr.id}/credit`, {
    amount: { value: 50000, currency: "usd" },
    network: "ach",
  });
  assert.equal(sim.object, "financial_address_credit_simulation");
  assert.deepEqual(
    (await v2(stripe, "GET", `/v2/money_management/financial_accounts/${platformFa.id}`)).balance.available.usd,
    { value: 50000, currency: "usd" },
  );
  const credits = await v2(stripe, "GET", `/v2/money_management/received_credits`);
  assert.equal(credits.data[0].type, "bank_transfer");
  assert.equal(credits.data[0].bank_transfer.financial_address, addr.id);

  // 2. A Mexican business with storer + card_creator, KYC done; its storage FA holds usdc.
  const acct = await stablecoinAccount(stripe);
  const fa = await v2(
    stripe,
    "POST",
    "/v2/money_management/financial_accounts",
    { type: "storage", storage: { holds_currencies: ["usdc"] } },
    acct,
  );
  assert.equal(fa.object, "v2.money_management.financial_account");
  assert.deepEqual(fa.balance.available, { usdc: { value: 0, currency: "usdc" } });
  await assert.rejects(
    v2(stripe, "GET", `/v2/money_management/financial_accounts/${fa.id}`),
    (e: Stripe.errors.StripeError) => e.statusCode === 404,
    "the platform cannot read the account's FA without Stripe-Context",
  );

  // 3. 100.00 USD from the platform converts into 100.00 USDC in the account's FA.
  const obp = await v2(stripe, "POST", "/v2/money_management/outbound_payments", {
    from: { financial_account: platformFa.id, currency: "usd" },
    to: { recipient: acct, payout_method: fa.id, currency: "usdc" },
    amount: { value: 10000, currency: "usd" },
    description: "Top up",
  });
  assert.equal(obp.status, "posted");
  assert.deepEqual(obp.from.debited, { value: 10000, currency: "usd" });
  assert.deepEqual(obp.to.credited, { value: 10000, currency: "usdc" });
  const funded = await v2(stripe, "GET", `/v2/money_management/financial_accounts/${fa.id}`, {}, acct);
  assert.deepEqual(funded.balance.available.usdc, { value: 10000, currency: "usdc" });
  assert.deepEqual(
    (await v2(stripe, "GET", `/v2/money_management/financial_accounts/${platformFa.id}`)).balance.available.usd,
    { value: 40000, currency: "usd" },
  );

  // 4. A polygon wallet, then 10.00 USDC out to it.
  const osi = await v2(
    stripe,
    "POST",
    "/v2/money_management/outbound_setup_intents",
    {
      payout_method_data: {
        type: "crypto_wallet",
        crypto_wallet: { address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", network: "polygon" },
      },
      usage_intent: "transfer",
    },
    acct,
  );
  assert.equal(osi.status, "succeeded");
  const pm = osi.payout_method as Obj;
  assert.equal(pm.type, "crypto_wallet");
  assert.equal(pm.usage_status.transfers, "eligible");
  const obt = await v2(
    stripe,
    "POST",
    "/v2/money_management/outbound_transfers",
    {
      from: { financial_account: fa.id, currency: "usdc" },
      to: { payout_method: pm.id, currency: "usdc" },
      amount: { value: 1000, currency: "usdc" },
    },
    acct,
  );
  assert.equal(obt.status, "processing");
  const mid = await v2(stripe, "GET", `/v2/money_management/financial_accounts/${fa.id}`, {}, acct);
  assert.deepEqual([mid.balance.available.usdc.value, mid.balance.outbound_pending.usdc.value], [9000, 1000]);
  const res = await fetch(`${t.url}/_sandbox/v2/outbound_transfers/${obt.id}/post`, { method: "POST" });
  assert.equal(res.status, 200);
  const posted = await v2(stripe, "GET", `/v2/money_management/outbound_transfers/${obt.id}`, {}, acct);
  assert.equal(posted.status, "posted");
  assert.match(posted.trace_id.value, /^0x[0-9a-f]{64}$/);
  await assert.rejects(
    v2(stripe, "POST", `/v2/money_management/outbound_transfers/${obt.id}/cancel`, {}, acct),
    (e: Stripe.errors.StripeError) => e.type === "NotCancelableError" && e.statusCode === 400,
  );

  // 5. Balances and v2 transactions agree.
  const final = await v2(stripe, "GET", `/v2/money_management/financial_accounts/${fa.id}`, {}, acct);
  assert.deepEqual(final.balance, {
    available: { usdc: { value: 9000, currency: "usdc" } },
    inbound_pending: { usdc: { value: 0, currency: "usdc" } },
    outbound_pending: { usdc: { value: 0, currency: "usdc" } },
  });
  const txns = await v2(stripe, "GET", `/v2/money_management/transactions?financial_account=${fa.id}`, {}, acct);
  assert.deepEqual(
    txns.data.map((x: Obj) => [x.category, x.status, x.balance_impact.available.value]),
    [
      ["outbound_transfer", "posted", -1000],
      ["received_credit", "posted", 10000],
    ],
  );
  const sum = txns.data
    .filter((x: Obj) => x.status === "posted")
    .reduce((s: number, x: Obj) => s + Number(x.balance_impact.available.value), 0);
  assert.equal(sum, final.balance.available.usdc.value);
  const entries = await v2(
    stripe,
    "GET",
    `/v2/money_management/transaction_entries?transaction=${txns.data[0].id}`,
    {},
    acct,
  );
  assert.equal(entries.data.length, 2, "hold and posting");
  assertLedger(t.sandbox.kernel.store);
});
