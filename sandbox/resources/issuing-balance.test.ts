import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { startTestSandbox, type TestSandbox } from "../test-helpers";
import { assertLedger } from "../ledger/invariants";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox();
});
after(() => t.close());

test("UK/EEA Issuing balance: top-up into issuing, balance shows it, payouts cannot take from it", async () => {
  const { stripe } = t;
  const acct = await stripe.accounts.create({
    type: "custom",
    country: "GB",
    capabilities: { card_issuing: { requested: true }, transfers: { requested: true } },
  });
  const opts = { stripeAccount: acct.id };
  const empty = await stripe.balance.retrieve({}, opts);
  assert.deepEqual(empty.issuing?.available, [{ amount: 0, currency: "gbp" }]);
  const topup = await stripe.topups.create(
    { amount: 10000, currency: "gbp", destination_balance: "issuing" } as Stripe.TopupCreateParams,
    opts,
  );
  assert.equal(topup.status, "succeeded");
  assert.match(topup.id, /^tu_/);
  const bal = await stripe.balance.retrieve({}, opts);
  assert.deepEqual(bal.issuing?.available, [{ amount: 10000, currency: "gbp" }]);
  assert.deepEqual(
    bal.available.map((a) => a.amount),
    [0],
    "the payments balance is separate",
  );
  // Paying out of the Issuing balance has no documented parameter (neither SDK nor guide names `source_balance`): refused.
  await assert.rejects(
    stripe.payouts.create(
      { amount: 2500, currency: "gbp", source_balance: "issuing" } as Stripe.PayoutCreateParams,
      opts,
    ),
    (e: Stripe.errors.StripeError) => e.code === "parameter_unknown" && e.param === "source_balance",
  );
  // A payout draws on the payments balance, which is empty: the Issuing balance is not touched.
  await assert.rejects(
    stripe.payouts.create({ amount: 1, currency: "gbp" }, opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.code === "balance_insufficient",
  );
  await assert.rejects(
    stripe.topups.create(
      { amount: 0, currency: "gbp", destination_balance: "issuing" } as Stripe.TopupCreateParams,
      opts,
    ),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === "amount",
  );
  assert.deepEqual((await stripe.balance.retrieve({}, opts)).issuing?.available, [{ amount: 10000, currency: "gbp" }]);
  assert.equal((await stripe.payouts.list({}, opts)).data.length, 0);
  assertLedger(t.sandbox.kernel.store);
});
