import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { errorParts, startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { GUIDE_FEATURES, treasuryAccount } from "./fixtures";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 0 } });
});
after(() => t.close());

const platformFa = async (stripe: Stripe) => {
  const list = await stripe.treasury.financialAccounts.list();
  assert.equal(list.data.length, 1, "the platform has exactly its own financial account");
  return list.data[0]!;
};
const cash = async (stripe: Stripe, fa: string, stripeAccount?: string) =>
  (await stripe.treasury.financialAccounts.retrieve(fa, {}, { stripeAccount })).balance.cash.usd;

test("the platform's own Treasury financial account: present from the start, addressed without Stripe-Account, with an ABA address", async () => {
  const { stripe } = t;
  const fa = await platformFa(stripe);
  assert.equal(fa.status, "open");
  assert.deepEqual(fa.supported_currencies, ["usd"]);
  assert.ok(fa.active_features?.includes("intra_stripe_flows"));
  assert.ok(!fa.active_features?.includes("card_issuing"), "no Issuing cards on a platform financial account");
  const shown = await stripe.treasury.financialAccounts.retrieve(fa.id, {
    expand: ["financial_addresses.aba.account_number"],
  });
  const aba = shown.financial_addresses[0]?.aba;
  assert.equal(shown.financial_addresses[0]?.type, "aba");
  assert.match(aba?.account_number ?? "", /^\d{12}$/);
  assert.equal(aba?.routing_number, "0000000001");

  // No Issuing cards on it; creating another at platform level and closing it are refused, saying why.
  await assert.rejects(
    stripe.treasury.financialAccounts.updateFeatures(fa.id, { card_issuing: { requested: true } }),
    (e) => errorParts(e)[2] === "feature_not_enabled",
  );
  await assert.rejects(stripe.treasury.financialAccounts.create({ supported_currencies: ["usd"] }), (e) =>
    /provisioned by Stripe/.test(String(errorParts(e)[4])),
  );
  await assert.rejects(stripe.treasury.financialAccounts.close(fa.id), (e) =>
    /can't be closed/.test(String(errorParts(e)[4])),
  );

  // A connected account sees only its own financial accounts, never the platform's.
  const acct = await treasuryAccount(stripe);
  assert.deepEqual((await stripe.treasury.financialAccounts.list({}, { stripeAccount: acct })).data, []);
  await assert.rejects(
    stripe.treasury.financialAccounts.retrieve(fa.id, {}, { stripeAccount: acct }),
    (e) => errorParts(e)[0] === 404,
  );

  // After a reset the platform still has one (new, empty) financial account.
  await stripe.testHelpers.treasury.receivedCredits.create({
    financial_account: fa.id,
    amount: 700,
    currency: "usd",
    network: "ach",
  });
  const reset = await fetch(`${t.url}/_sandbox/reset`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  assert.equal(reset.status, 200);
  const again = await platformFa(stripe);
  assert.notEqual(again.id, fa.id);
  assert.equal(again.balance.cash.usd, 0);
});

test("the platform funds a connected account's financial account: received credit in, one outbound payment out per idempotency key", async () => {
  const { stripe } = t;
  const platform = await platformFa(stripe);
  const start = platform.balance.cash.usd ?? 0;
  const rc = await stripe.testHelpers.treasury.receivedCredits.create({
    financial_account: platform.id,
    amount: 100_000,
    currency: "usd",
    network: "ach",
    description: "Platform working capital",
  });
  assert.equal(rc.status, "succeeded");
  assert.equal(await cash(stripe, platform.id), start + 100_000);

  const acct = await treasuryAccount(stripe);
  const to = await stripe.treasury.financialAccounts.create(
    { supported_currencies: ["usd"], features: GUIDE_FEATURES },
    { stripeAccount: acct },
  );
  const params: Stripe.Treasury.OutboundPaymentCreateParams = {
    financial_account: platform.id,
    amount: 25_000,
    currency: "usd",
    destination_payment_method_data: { type: "financial_account", financial_account: to.id },
    description: "Funding from the platform",
  };
  // Two concurrent requests with one key (a 409 for the second is retried by the SDK): one payment.
  const [first, second] = await Promise.all([
    stripe.treasury.outboundPayments.create(params, { idempotencyKey: "fund-once" }),
    stripe.treasury.outboundPayments.create(params, { idempotencyKey: "fund-once" }),
  ]);
  assert.equal(first.id, second.id);
  assert.equal(first.status, "posted");
  assert.deepEqual(first.destination_payment_method_details?.financial_account, { id: to.id, network: "stripe" });
  assert.equal(await cash(stripe, platform.id), start + 75_000, "the platform paid once");
  assert.equal(await cash(stripe, to.id, acct), 25_000, "the business received once");

  const credits = await stripe.treasury.receivedCredits.list({ financial_account: to.id }, { stripeAccount: acct });
  assert.equal(credits.data.length, 1);
  assert.equal(credits.data[0]?.network, "stripe");
  assert.equal(credits.data[0]?.linked_flows.source_flow, first.id);
  const theirs = await stripe.treasury.transactions.list({ financial_account: to.id }, { stripeAccount: acct });
  assert.deepEqual(
    theirs.data.map((x) => [x.flow_type, x.amount]),
    [["received_credit", 25_000]],
  );
  const ours = await stripe.treasury.transactions.list({ financial_account: platform.id });
  assert.deepEqual(
    ours.data.slice(0, 2).map((x) => [x.flow_type, x.amount, x.status]),
    [
      ["outbound_payment", -25_000, "posted"],
      ["received_credit", 100_000, "posted"],
    ],
  );
  const events = await stripe.events.list({ type: "treasury.outbound_payment.posted" });
  assert.ok(events.data.some((e) => !e.account && (e.data.object as { id: string }).id === first.id));
  const theirEvents = await stripe.events.list({ type: "treasury.received_credit.created" }, { stripeAccount: acct });
  assert.ok(theirEvents.data.some((e) => e.account === acct));

  // More than the platform holds: Stripe's insufficient-funds error, nothing moves.
  const err = await stripe.treasury.outboundPayments.create({ ...params, amount: start + 75_001 }).then(
    () => null,
    (e: unknown) => e,
  );
  assert.deepEqual(errorParts(err).slice(0, 4), [400, "StripeInvalidRequestError", "insufficient_funds", "amount"]);
  assert.equal(await cash(stripe, platform.id), start + 75_000);

  // A connected account can't send from, or credit, the platform's financial account by its id.
  await assert.rejects(
    stripe.treasury.outboundPayments.create({ ...params, financial_account: platform.id }, { stripeAccount: acct }),
    (e) => {
      const [status, , code, param] = errorParts(e);
      return status === 400 && code === "resource_missing" && param === "financial_account";
    },
  );
  await assert.rejects(
    stripe.testHelpers.treasury.receivedCredits.create(
      { financial_account: platform.id, amount: 1, currency: "usd", network: "ach" },
      { stripeAccount: acct },
    ),
    (e) => errorParts(e)[2] === "resource_missing",
  );
  assertLedger(t.sandbox.kernel.store);
});
