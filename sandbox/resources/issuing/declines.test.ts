import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { anotherCard, authorize, CARDHOLDER, fundedCard, lastReason, type IssuingSetup } from "./fixtures";

/** Every decline the sandbox decides by itself (the real-time ones are in rta.test.ts), each with nothing held. */
let t: TestSandbox;
let s: IssuingSetup;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
  s = await fundedCard(t.stripe, 5000);
});
after(() => t.close());

async function declined(a: Promise<Stripe.Issuing.Authorization>, reason: string): Promise<void> {
  const auth = await a;
  assert.deepEqual([auth.approved, auth.status, lastReason(auth)], [false, "closed", reason], reason);
  assert.equal(auth.request_history[0]?.authorization_code, null);
}

test("card state: inactive by default, canceled (terminal), expired on the sandbox clock", async () => {
  const { stripe } = t;
  const inactive = await anotherCard(stripe, s, { status: undefined });
  assert.equal((await stripe.issuing.cards.retrieve(inactive, {}, s.opts)).status, "inactive");
  await declined(authorize(stripe, s, 100, {}, inactive), "card_inactive");
  const canceled = await anotherCard(stripe, s);
  const c = await stripe.issuing.cards.update(canceled, { status: "canceled", cancellation_reason: "lost" }, s.opts);
  assert.deepEqual([c.status, c.cancellation_reason], ["canceled", "lost"]);
  await declined(authorize(stripe, s, 100, {}, canceled), "card_canceled");
  await assert.rejects(
    stripe.issuing.cards.update(canceled, { status: "active" }, s.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && /canceled/.test(e.message),
  );
  const now = new Date();
  const expiring = await anotherCard(stripe, s, { exp_month: now.getUTCMonth() + 1, exp_year: now.getUTCFullYear() });
  assert.equal((await authorize(stripe, s, 100, {}, expiring)).approved, true);
  await fetch(`${t.url}/_sandbox/clock`, { method: "POST", body: JSON.stringify({ advance_seconds: 32 * 86400 }) });
  await declined(authorize(stripe, s, 100, {}, expiring), "card_expired");
});

test("cardholder state: inactive, and requirements past due (with why)", async () => {
  const { stripe } = t;
  const h = await stripe.issuing.cardholders.create({ ...CARDHOLDER, individual: { first_name: "Ann" } }, s.opts);
  assert.deepEqual(h.requirements, {
    disabled_reason: "requirements.past_due",
    past_due: [
      "individual.last_name",
      "individual.card_issuing.user_terms_acceptance.date",
      "individual.card_issuing.user_terms_acceptance.ip",
    ],
  });
  await assert.rejects(
    stripe.issuing.cards.create(
      { cardholder: h.id, currency: "usd", type: "virtual", financial_account: s.fa, status: "active" },
      s.opts,
    ),
    (e: Stripe.errors.StripeError) => e.param === "status" && /individual.last_name/.test(e.message),
  );
  const fixed = await stripe.issuing.cardholders.update(
    h.id,
    {
      individual: { last_name: "Lee", card_issuing: { user_terms_acceptance: { date: 1700000000, ip: "127.0.0.1" } } },
    },
    s.opts,
  );
  assert.deepEqual(fixed.requirements, { disabled_reason: null, past_due: [] });
  const card = (
    await stripe.issuing.cards.create(
      { cardholder: h.id, currency: "usd", type: "virtual", financial_account: s.fa, status: "active" },
      s.opts,
    )
  ).id;
  // A name can't be unset (the SDK types `individual.first_name` as a string, not Emptyable), so requirements can't be undone.
  await assert.rejects(
    stripe.issuing.cardholders.update(h.id, { individual: { first_name: "" } }, s.opts),
    (e: Stripe.errors.StripeError) => e.code === "parameter_invalid_empty" && e.param === "individual[first_name]",
  );
  await stripe.issuing.cardholders.update(h.id, { individual: { first_name: "Ann" }, status: "inactive" }, s.opts);
  await declined(authorize(stripe, s, 100, {}, card), "cardholder_inactive");
  const company = await stripe.issuing.cardholders.create(
    { ...CARDHOLDER, type: "company", individual: undefined, name: "Rocket Rides Inc" },
    s.opts,
  );
  assert.deepEqual(company.requirements.past_due, ["company.tax_id"]);
  assert.equal(
    (await stripe.issuing.cardholders.update(company.id, { company: { tax_id: "000000000" } }, s.opts)).company
      ?.tax_id_provided,
    true,
  );
  await assert.rejects(
    stripe.issuing.cardholders.create({ ...CARDHOLDER, name: "R2D2" }, s.opts),
    (e: Stripe.errors.StripeError) => e.param === "name",
  );
});

test("verification, funds, controls and the account itself", async () => {
  const { stripe } = t;
  await declined(authorize(stripe, s, 100, { verification_data: { cvc_check: "mismatch" } }), "verification_failed");
  await declined(authorize(stripe, s, 5001), "insufficient_funds");
  const taxiOnly = await anotherCard(stripe, s, { spending_controls: { allowed_categories: ["taxicabs_limousines"] } });
  await declined(
    authorize(stripe, s, 100, { merchant_data: { category: "eating_places_restaurants" } }, taxiOnly),
    "spending_controls",
  );
  await declined(
    authorize(
      stripe,
      s,
      100,
      { authorization_method: "chip" },
      await anotherCard(stripe, s, { spending_controls: { blocked_card_presences: ["present"] } }),
    ),
    "spending_controls",
  );
  const before = (await stripe.treasury.financialAccounts.retrieve(s.fa, {}, s.opts)).balance;
  assert.equal(before.outbound_pending.usd, 100, "only the approved authorization from the first test holds money");
  await fetch(`${t.url}/_sandbox/accounts/${s.acct}/kyc`, {
    method: "POST",
    body: JSON.stringify({ outcome: "reject" }),
  });
  await declined(authorize(stripe, s, 100), "account_disabled");
  assertLedger(t.sandbox.kernel.store);
});
