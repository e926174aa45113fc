import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { customAccountParams, startTestSandbox, eventually, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { GUIDE_BANK_SETUP, GUIDE_FEATURES, treasuryAccount } from "./fixtures";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 150 } });
});
after(() => t.close());

test("US embedded finance guide: account → FA → bank by SetupIntent + microdeposits → funds in → balances", async () => {
  const { stripe } = t;
  const acct = await treasuryAccount(stripe);
  const opts = { stripeAccount: acct };
  const fa = await stripe.treasury.financialAccounts.create(
    { supported_currencies: ["usd"], features: GUIDE_FEATURES },
    opts,
  );
  assert.equal(fa.object, "treasury.financial_account");
  assert.match(fa.id, /^fa_/);
  assert.ok(fa.active_features?.includes("card_issuing"), "card_issuing is active at once");
  assert.deepEqual(fa.pending_features, ["financial_addresses.aba"]);
  assert.deepEqual(fa.balance, { cash: { usd: 0 }, inbound_pending: { usd: 0 }, outbound_pending: { usd: 0 } });
  assert.deepEqual(fa.financial_addresses, []);
  const active = await eventually(async () => {
    const f = await stripe.treasury.financialAccounts.retrieve(
      fa.id,
      { expand: ["financial_addresses.aba.account_number"] },
      opts,
    );
    return f.active_features?.includes("financial_addresses.aba") && f;
  });
  const aba = active.financial_addresses[0]?.aba;
  assert.equal(aba?.bank_name, "STRIPE TEST BANK");
  assert.match(aba?.account_number ?? "", /^\d{12}$/);
  assert.equal(aba?.account_number_last4, aba?.account_number?.slice(-4));
  const plain = await stripe.treasury.financialAccounts.retrieve(fa.id, {}, opts);
  assert.equal(plain.financial_addresses[0]?.aba?.account_number, undefined, "the full number needs expand[]");
  const features = await stripe.treasury.financialAccounts.retrieveFeatures(fa.id, {}, opts);
  assert.equal(features.financial_addresses?.aba?.status, "active");
  const events = await stripe.events.list({ type: "treasury.financial_account.features_status_updated" }, opts);
  assert.ok(
    events.data.some((e) => e.account === acct && (e.data.object as Stripe.Treasury.FinancialAccount).id === fa.id),
  );

  const si = await stripe.setupIntents.create(GUIDE_BANK_SETUP, opts);
  assert.equal(si.status, "requires_action");
  assert.equal(si.next_action?.type, "verify_with_microdeposits");
  assert.equal(si.next_action?.verify_with_microdeposits?.microdeposit_type, "descriptor_code");
  const pm = String(si.payment_method);
  await assert.rejects(
    stripe.treasury.inboundTransfers.create(
      { financial_account: fa.id, amount: 1000, currency: "usd", origin_payment_method: pm },
      opts,
    ),
    (e: Stripe.errors.StripeError) => e.param === "origin_payment_method" && /verify/.test(e.message),
  );
  await assert.rejects(
    stripe.setupIntents.verifyMicrodeposits(si.id, { descriptor_code: "SM22BB" }, opts),
    (e: Stripe.errors.StripeError) =>
      e.code === "payment_method_microdeposit_verification_descriptor_code_mismatch" && e.statusCode === 400,
  );
  const verified = await stripe.setupIntents.verifyMicrodeposits(si.id, { descriptor_code: "SM11AA" }, opts);
  assert.equal(verified.status, "succeeded");

  const ibt = await stripe.treasury.inboundTransfers.create(
    { financial_account: fa.id, amount: 20000, currency: "usd", origin_payment_method: pm, description: "Funding" },
    opts,
  );
  assert.equal(ibt.status, "processing");
  let bal = (await stripe.treasury.financialAccounts.retrieve(fa.id, {}, opts)).balance;
  assert.deepEqual([bal.cash.usd, bal.inbound_pending.usd], [0, 20000]);
  await stripe.testHelpers.treasury.inboundTransfers.succeed(ibt.id, {}, opts);
  await stripe.testHelpers.treasury.receivedCredits.create(
    { financial_account: fa.id, amount: 5000, currency: "usd", network: "ach" },
    opts,
  );
  bal = (await stripe.treasury.financialAccounts.retrieve(fa.id, {}, opts)).balance;
  assert.deepEqual([bal.cash.usd, bal.inbound_pending.usd, bal.outbound_pending.usd], [25000, 0, 0]);

  const obp = await stripe.treasury.outboundPayments.create(
    {
      financial_account: fa.id,
      amount: 7000,
      currency: "usd",
      destination_payment_method_options: { us_bank_account: { network: "us_domestic_wire" } },
      destination_payment_method_data: {
        type: "us_bank_account",
        us_bank_account: { routing_number: "110000000", account_number: "000000000009" },
        billing_details: { name: "Vendor" },
      },
    },
    opts,
  );
  assert.equal(obp.status, "processing");
  bal = (await stripe.treasury.financialAccounts.retrieve(fa.id, {}, opts)).balance;
  assert.deepEqual([bal.cash.usd, bal.outbound_pending.usd], [18000, 7000]);
  await stripe.testHelpers.treasury.outboundPayments.post(obp.id, {}, opts);
  await assert.rejects(
    stripe.treasury.outboundPayments.cancel(obp.id, {}, opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && /can no longer be canceled/.test(e.message),
  );
  const obt = await stripe.treasury.outboundTransfers.create(
    { financial_account: fa.id, amount: 3000, currency: "usd", destination_payment_method: pm },
    opts,
  );
  const canceled = await stripe.treasury.outboundTransfers.cancel(obt.id, {}, opts);
  assert.equal(canceled.status, "canceled");
  await assert.rejects(
    stripe.treasury.outboundPayments.create(
      {
        financial_account: fa.id,
        amount: 18001,
        currency: "usd",
        destination_payment_method_data: {
          type: "us_bank_account",
          us_bank_account: { routing_number: "110000000", account_number: "000000000009" },
        },
      },
      opts,
    ),
    (e: Stripe.errors.StripeError) => e.code === "insufficient_funds" && e.statusCode === 400,
  );
  const final = await stripe.treasury.financialAccounts.retrieve(fa.id, {}, opts);
  assert.deepEqual(final.balance, { cash: { usd: 18000 }, inbound_pending: { usd: 0 }, outbound_pending: { usd: 0 } });

  const txns = await stripe.treasury.transactions.list({ financial_account: fa.id, limit: 100 }, opts);
  const posted = txns.data.filter((x) => x.status === "posted").reduce((s, x) => s + x.balance_impact.cash, 0);
  assert.equal(posted, 18000, "posted transactions add up to the cash balance");
  const voided = txns.data.find((x) => x.flow === obt.id);
  assert.equal(voided?.status, "void");
  assert.deepEqual(voided?.balance_impact, { cash: 0, inbound_pending: 0, outbound_pending: 0 });
  const obpTxn = await stripe.treasury.transactions.retrieve(String(obp.transaction), { expand: ["entries"] }, opts);
  assert.deepEqual(obpTxn.entries?.data.map((e) => e.type).sort(), ["outbound_payment", "outbound_payment_posting"]);
  await assert.rejects(
    stripe.treasury.transactions.list({} as Stripe.Treasury.TransactionListParams, opts),
    (e: Stripe.errors.StripeError) => e.code === "parameter_missing" && e.param === "financial_account",
  );
  assertLedger(t.sandbox.kernel.store);
});

test("Treasury calls need the treasury capability and an active feature", async () => {
  const { stripe } = t;
  const bare = await stripe.accounts.create({
    ...customAccountParams,
    capabilities: { card_issuing: { requested: true } },
  });
  await assert.rejects(
    stripe.treasury.financialAccounts.create({ supported_currencies: ["usd"] }, { stripeAccount: bare.id }),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && /treasury.*capability/.test(e.message),
  );
  const acct = await treasuryAccount(stripe);
  const fa = await stripe.treasury.financialAccounts.create(
    { supported_currencies: ["usd"], features: { outbound_payments: { ach: { requested: true } } } },
    { stripeAccount: acct },
  );
  await stripe.testHelpers.treasury.receivedCredits.create(
    { financial_account: fa.id, amount: 100, currency: "usd", network: "ach" },
    { stripeAccount: acct },
  );
  const pay = (options: Pick<Stripe.Treasury.OutboundPaymentCreateParams, "destination_payment_method_options">) =>
    stripe.treasury.outboundPayments.create(
      {
        financial_account: fa.id,
        amount: 50,
        currency: "usd",
        ...options,
        destination_payment_method_data: {
          type: "us_bank_account",
          us_bank_account: { routing_number: "110000000", account_number: "000000000009" },
        },
      },
      { stripeAccount: acct },
    );
  await assert.rejects(
    pay({ destination_payment_method_options: { us_bank_account: { network: "us_domestic_wire" } } }),
    (e: Stripe.errors.StripeError) =>
      e.code === "feature_not_enabled" && /outbound_payments\.us_domestic_wire/.test(e.message),
  );
  await stripe.treasury.financialAccounts.update(
    fa.id,
    { platform_restrictions: { outbound_flows: "restricted" } },
    { stripeAccount: acct },
  );
  await assert.rejects(
    pay({}),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && /outbound flows restricted/.test(e.message),
  );
  const rd = await stripe.testHelpers.treasury.receivedDebits.create(
    { financial_account: fa.id, amount: 101, currency: "usd", network: "ach" },
    { stripeAccount: acct },
  );
  assert.equal(rd.status, "failed");
  assert.equal(rd.failure_code, "insufficient_funds");
  await assert.rejects(
    stripe.treasury.financialAccounts.close(fa.id, {}, { stripeAccount: acct }),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && /still holds money/.test(e.message),
  );
  assertLedger(t.sandbox.kernel.store);
});
