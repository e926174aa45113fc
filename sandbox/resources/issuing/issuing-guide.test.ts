import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { authorize, fundedCard } from "./fixtures";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
});
after(() => t.close());

test("Treasury 'use the card' walkthrough: 200.00 in the FA, 10.00 at a taxi → pending hold → capture → −10.00 transaction", async () => {
  const { stripe } = t;
  const s = await fundedCard(stripe, 20000);
  const balance = async () => (await stripe.treasury.financialAccounts.retrieve(s.fa, {}, s.opts)).balance;
  assert.deepEqual((await balance()).cash, { usd: 20000 });

  const auth = await authorize(stripe, s, 1000, {
    merchant_data: { category: "taxicabs_limousines", name: "Rocket Rides", city: "San Francisco", country: "US" },
  });
  assert.equal(auth.object, "issuing.authorization");
  assert.match(auth.id, /^iauth_/);
  assert.equal(auth.status, "pending");
  assert.equal(auth.approved, true);
  assert.equal(auth.amount, 1000);
  assert.equal(auth.merchant_data.category_code, "4121");
  assert.equal((auth.card as Stripe.Issuing.Card).id, s.card, "the card is embedded");
  assert.equal(auth.request_history[0]?.reason, "card_active");
  assert.match(auth.request_history[0]?.authorization_code ?? "", /^S\d{6}$/);
  let bal = await balance();
  assert.deepEqual([bal.cash.usd, bal.outbound_pending.usd], [19000, 1000]);
  const holdTxn = await stripe.treasury.transactions.retrieve(
    String(auth.treasury?.transaction),
    { expand: ["entries"] },
    s.opts,
  );
  assert.equal(holdTxn.flow_type, "issuing_authorization");
  assert.equal(holdTxn.status, "open");
  assert.deepEqual(holdTxn.balance_impact, { cash: -1000, inbound_pending: 0, outbound_pending: 1000 });

  const captured = await stripe.testHelpers.issuing.authorizations.capture(auth.id, {}, s.opts);
  assert.equal(captured.status, "closed");
  const txn = captured.transactions[0];
  assert.ok(txn);
  assert.equal(txn.type, "capture");
  assert.equal(txn.amount, -1000);
  assert.equal(txn.authorization, auth.id);
  bal = await balance();
  assert.deepEqual([bal.cash.usd, bal.outbound_pending.usd], [19000, 0]);
  const listed = await stripe.issuing.transactions.list({ card: s.card }, s.opts);
  assert.deepEqual(
    listed.data.map((x) => [x.id, x.amount]),
    [[txn.id, -1000]],
  );
  const rd = await stripe.treasury.receivedDebits.retrieve(String(txn.treasury?.received_debit), {}, s.opts);
  assert.equal(rd.network, "card");
  assert.equal(rd.linked_flows.issuing_transaction, txn.id);
  assert.equal(rd.linked_flows.issuing_authorization, auth.id);
  assert.equal(
    (await stripe.treasury.transactions.retrieve(holdTxn.id, {}, s.opts)).status,
    "void",
    "the hold nets to zero once captured",
  );
  const txns = await stripe.treasury.transactions.list({ financial_account: s.fa, status: "posted" }, s.opts);
  assert.equal(
    txns.data.reduce((sum, x) => sum + x.balance_impact.cash, 0),
    19000,
    "posted transactions add up to cash",
  );

  const types = (await stripe.events.list({ limit: 100 }, s.opts)).data.map((e) => e.type);
  for (const type of [
    "issuing_cardholder.created",
    "issuing_card.created",
    "issuing_authorization.created",
    "issuing_authorization.updated",
    "issuing_transaction.created",
  ])
    assert.ok(types.includes(type as Stripe.Event.Type), type);
  const updated = (await stripe.events.list({ type: "issuing_authorization.updated" }, s.opts)).data[0];
  assert.deepEqual((updated?.data.previous_attributes as { status?: string }).status, "pending");
  assertLedger(t.sandbox.kernel.store);
});

test("captures: partial closes and releases the rest, multi-capture keeps it open, over-capture takes more; refunds and force captures", async () => {
  const { stripe } = t;
  const s = await fundedCard(stripe, 10000);
  const cash = async () => (await stripe.treasury.financialAccounts.retrieve(s.fa, {}, s.opts)).balance;
  const a = await authorize(stripe, s, 3000);
  const partial = await stripe.testHelpers.issuing.authorizations.capture(a.id, { capture_amount: 1000 }, s.opts);
  assert.equal(partial.status, "closed");
  assert.deepEqual([(await cash()).cash.usd, (await cash()).outbound_pending.usd], [9000, 0]);
  await assert.rejects(
    stripe.testHelpers.issuing.authorizations.capture(a.id, {}, s.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && /closed/.test(e.message),
  );

  const b = await authorize(stripe, s, 2000);
  const first = await stripe.testHelpers.issuing.authorizations.capture(
    b.id,
    { capture_amount: 500, close_authorization: false },
    s.opts,
  );
  assert.equal(first.status, "pending");
  assert.deepEqual([(await cash()).cash.usd, (await cash()).outbound_pending.usd], [7000, 1500]);
  const over = await stripe.testHelpers.issuing.authorizations.capture(b.id, { capture_amount: 2500 }, s.opts);
  assert.equal(over.status, "closed");
  assert.deepEqual(
    over.transactions.map((x) => x.amount),
    [-500, -2500],
  );
  assert.deepEqual([(await cash()).cash.usd, (await cash()).outbound_pending.usd], [6000, 0]);

  const refund = await stripe.testHelpers.issuing.transactions.refund(
    String(over.transactions[1]?.id),
    { refund_amount: 1000 },
    s.opts,
  );
  assert.equal(refund.type, "refund");
  assert.equal(refund.amount, 1000);
  assert.ok(refund.treasury?.received_credit);
  await assert.rejects(
    stripe.testHelpers.issuing.transactions.refund(String(over.transactions[1]?.id), { refund_amount: 1501 }, s.opts),
    (e: Stripe.errors.StripeError) => e.param === "refund_amount",
  );
  const force = await stripe.testHelpers.issuing.transactions.createForceCapture({ card: s.card, amount: 700 }, s.opts);
  assert.deepEqual([force.type, force.amount, force.authorization], ["capture", -700, null]);
  const unlinked = await stripe.testHelpers.issuing.transactions.createUnlinkedRefund(
    { card: s.card, amount: 300 },
    s.opts,
  );
  assert.deepEqual([unlinked.type, unlinked.amount], ["refund", 300]);
  assert.equal((await cash()).cash.usd, 6000 + 1000 - 700 + 300);
  await assert.rejects(
    stripe.testHelpers.issuing.transactions.createForceCapture({ card: s.card, amount: 1_000_000 }, s.opts),
    (e: Stripe.errors.StripeError) => e.code === "insufficient_funds",
  );

  const c = await authorize(stripe, s, 1000);
  const partlyReversed = await stripe.testHelpers.issuing.authorizations.reverse(c.id, { reverse_amount: 400 }, s.opts);
  assert.deepEqual([partlyReversed.status, partlyReversed.amount], ["pending", 600]);
  assert.equal((await cash()).outbound_pending.usd, 600);
  const incremented = await stripe.testHelpers.issuing.authorizations.increment(
    c.id,
    { increment_amount: 400 },
    s.opts,
  );
  assert.deepEqual([incremented.amount, incremented.request_history.length], [1000, 2]);
  const finalized = await stripe.testHelpers.issuing.authorizations.finalizeAmount(c.id, { final_amount: 800 }, s.opts);
  assert.equal(finalized.amount, 800);
  assert.equal((await cash()).outbound_pending.usd, 800);
  assert.equal((await stripe.testHelpers.issuing.authorizations.reverse(c.id, {}, s.opts)).status, "reversed");
  const d = await authorize(stripe, s, 500);
  assert.equal((await stripe.testHelpers.issuing.authorizations.expire(d.id, {}, s.opts)).status, "expired");
  assert.equal((await cash()).outbound_pending.usd, 0);
  assertLedger(t.sandbox.kernel.store);
});
