import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { errorParts, mintNonce, sdk, startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { stablecoinAccount, usdcFa, v2, type Obj } from "../money-management/fixtures";
import { authorize, CARDHOLDER, fundedCard, lastReason, LEAD_CARDHOLDER, onV2, type IssuingSetup } from "./fixtures";

let t: TestSandbox;
let s: IssuingSetup;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
  s = await fundedCard(t.stripe, 20000);
});
after(() => t.close());

test("card details: brand/last4/expiry, number and cvc only with expand on retrieve of a virtual card, and through an ephemeral key", async () => {
  const { stripe } = t;
  const card = await stripe.issuing.cards.retrieve(s.card, { expand: ["number", "cvc"] }, s.opts);
  assert.equal(card.brand, "Visa");
  assert.match(card.number ?? "", /^400000\d{10}$/);
  assert.equal(card.number?.slice(-4), card.last4);
  assert.match(card.cvc ?? "", /^\d{3}$/);
  assert.ok(card.exp_year > new Date().getUTCFullYear());
  assert.equal((card.cardholder as Stripe.Issuing.Cardholder).id, s.holder, "cardholder embedded");
  const plain = await stripe.issuing.cards.retrieve(s.card, {}, s.opts);
  assert.equal(plain.number, undefined);
  await assert.rejects(
    stripe.issuing.cards.list({ expand: ["data.number"] }, s.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === "expand",
  );
  const nonce = await mintNonce(t.url, s.card);
  await assert.rejects(
    stripe.ephemeralKeys.create({ issuing_card: s.card, nonce }, s.opts),
    /apiVersion/,
    "the SDK insists on an explicit version",
  );
  const key = await stripe.ephemeralKeys.create(
    { issuing_card: s.card, nonce },
    { ...s.opts, apiVersion: "2026-10-28.endive" },
  );
  assert.equal(key.object, "ephemeral_key");
  assert.match(key.id, /^ephkey_/);
  assert.match(key.secret ?? "", /^ek_test_/);
  assert.ok(key.expires > key.created);
  // The embedded card view reads the one card with the key's secret, nothing else.
  const viewer = sdk(t.sandbox.port, { apiVersion: "2026-10-28.endive" as never });
  const seen = await viewer.issuing.cards.retrieve(s.card, { expand: ["number", "cvc"] }, { apiKey: key.secret });
  assert.deepEqual([seen.number, seen.cvc], [card.number, card.cvc]);
  await assert.rejects(
    viewer.issuing.cards.list({}, { apiKey: key.secret }),
    (e: Stripe.errors.StripeError) => e.statusCode === 401,
  );
  await assert.rejects(
    viewer.issuing.cardholders.retrieve(s.holder, {}, { apiKey: key.secret }),
    (e: Stripe.errors.StripeError) => e.statusCode === 401,
  );
  await stripe.ephemeralKeys.del(key.id, {}, s.opts);
  await assert.rejects(
    viewer.issuing.cards.retrieve(s.card, {}, { apiKey: key.secret }),
    (e: Stripe.errors.StripeError) => e.statusCode === 401,
    "deleted keys stop working",
  );
});

test("physical cards: shipping required, then submit → ship → deliver, each an issuing_card.updated; fail/return guarded", async () => {
  const { stripe } = t;
  await assert.rejects(
    stripe.issuing.cards.create({ cardholder: s.holder, currency: "usd", type: "physical" }, s.opts),
    (e: Stripe.errors.StripeError) => e.param === "shipping",
  );
  const shipping = {
    name: "Jenny Rosen",
    address: { line1: "1234 Main Street", city: "San Francisco", state: "CA", postal_code: "94111", country: "US" },
    service: "express" as const,
  };
  const card = await stripe.issuing.cards.create(
    { cardholder: s.holder, currency: "usd", type: "physical", shipping },
    s.opts,
  );
  assert.deepEqual([card.status, card.shipping?.status, card.shipping?.service], ["inactive", "pending", "express"]);
  await assert.rejects(
    stripe.issuing.cards.retrieve(card.id, { expand: ["number"] }, s.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400,
  );
  await assert.rejects(
    stripe.testHelpers.issuing.cards.deliverCard(card.id, {}, s.opts),
    (e: Stripe.errors.StripeError) => /expected shipped/.test(e.message),
  );
  assert.equal((await stripe.testHelpers.issuing.cards.submitCard(card.id, {}, s.opts)).shipping?.status, "submitted");
  const shipped = await stripe.testHelpers.issuing.cards.shipCard(card.id, {}, s.opts);
  assert.deepEqual([shipped.shipping?.status, shipped.shipping?.carrier], ["shipped", "usps"]);
  assert.ok(shipped.shipping?.tracking_number);
  assert.equal((await stripe.testHelpers.issuing.cards.deliverCard(card.id, {}, s.opts)).shipping?.status, "delivered");
  assert.equal((await stripe.testHelpers.issuing.cards.returnCard(card.id, {}, s.opts)).shipping?.status, "returned");
  await assert.rejects(
    stripe.testHelpers.issuing.cards.failCard(card.id, {}, s.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400,
  );
  const updates = (await stripe.events.list({ type: "issuing_card.updated", limit: 10 }, s.opts)).data.filter(
    (e) => (e.data.object as Stripe.Issuing.Card).id === card.id,
  );
  assert.deepEqual(
    updates.map((e) => (e.data.previous_attributes as { shipping?: { status?: string } }).shipping?.status),
    ["delivered", "shipped", "submitted", "pending"],
  );
  await fetch(`${t.url}/_sandbox/issuing/cardholders/${s.holder}/block`, { method: "POST" });
  assert.equal(lastReason(await authorize(stripe, s, 100)), "cardholder_blocked");
  await stripe.issuing.cardholders.update(s.holder, { status: "active" }, s.opts);
});

test("disputes: evidence per reason, update while unsubmitted, submit validates, won brings the money back", async () => {
  const { stripe } = t;
  const cash = async () => (await stripe.treasury.financialAccounts.retrieve(s.fa, {}, s.opts)).balance.cash.usd;
  const a = await stripe.testHelpers.issuing.authorizations.capture((await authorize(stripe, s, 2000)).id, {}, s.opts);
  const txn = a.transactions[0] as Stripe.Issuing.Transaction;
  const before = await cash();
  const d = await stripe.issuing.disputes.create(
    { transaction: txn.id, evidence: { reason: "not_received", not_received: { explanation: "Never arrived" } } },
    s.opts,
  );
  assert.deepEqual([d.status, d.amount, d.evidence.reason], ["unsubmitted", 2000, "not_received"]);
  assert.equal((await stripe.issuing.transactions.retrieve(txn.id, {}, s.opts)).dispute, d.id);
  await assert.rejects(
    stripe.issuing.disputes.create({ transaction: txn.id }, s.opts),
    (e: Stripe.errors.StripeError) => /already disputed/.test(e.message),
  );
  await assert.rejects(
    stripe.issuing.disputes.submit(d.id, {}, s.opts),
    (e: Stripe.errors.StripeError) => e.param === "evidence[not_received][expected_at]",
  );
  await stripe.issuing.disputes.update(d.id, { evidence: { not_received: { expected_at: 1700000000 } } }, s.opts);
  const won = await stripe.issuing.disputes.submit(d.id, {}, s.opts);
  assert.equal(won.status, "won");
  assert.equal(await cash(), (before ?? 0) + 2000);
  await assert.rejects(
    stripe.issuing.disputes.update(d.id, { metadata: { a: "b" } }, s.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400,
  );
  const types = (await stripe.events.list({ limit: 30 }, s.opts)).data
    .map((e) => e.type)
    .filter((x) => x.startsWith("issuing_dispute"));
  assert.deepEqual(types, [
    "issuing_dispute.funds_reinstated",
    "issuing_dispute.closed",
    "issuing_dispute.submitted",
    "issuing_dispute.updated",
    "issuing_dispute.created",
  ]);

  await fetch(`${t.url}/_sandbox/config`, {
    method: "POST",
    body: JSON.stringify({ issuing_dispute_outcome: "manual" }),
  });
  const other = await stripe.testHelpers.issuing.authorizations.capture(
    (await authorize(stripe, s, 500)).id,
    {},
    s.opts,
  );
  const d2 = await stripe.issuing.disputes.create(
    {
      transaction: String(other.transactions[0]?.id),
      evidence: { reason: "fraudulent", fraudulent: { explanation: "Card lost" } },
    },
    s.opts,
  );
  assert.equal((await stripe.issuing.disputes.submit(d2.id, {}, s.opts)).status, "submitted");
  const mid = await cash();
  const res = await fetch(`${t.url}/_sandbox/issuing/disputes/${d2.id}/close`, {
    method: "POST",
    body: JSON.stringify({ status: "lost" }),
  });
  assert.equal(res.status, 200);
  assert.equal((await stripe.issuing.disputes.retrieve(d2.id, {}, s.opts)).status, "lost");
  assert.equal(await cash(), mid, "a lost dispute moves nothing");
  assertLedger(t.sandbox.kernel.store);
});

/** A funded platform FA, a verified MX stablecoin account and its USDC FA holding `usdc` (minor units). */
async function usdcAccount(stripe: Stripe, name: string, usdc: number): Promise<{ acct: string; fa: Obj }> {
  const [platformFa] = (await v2(stripe, "GET", "/v2/money_management/financial_accounts")).data as Obj[];
  const addr = await v2(stripe, "POST", "/v2/money_management/financial_addresses", {
    financial_account: platformFa?.id,
    type: "us_bank_account",
  });
  for (
    let i = 0;
    i < 100 && (await v2(stripe, "GET", `/v2/money_management/financial_addresses/${addr.id}`)).status !== "active";
    i++
  )
    await new Promise((r) => setTimeout(r, 20));
  await v2(stripe, "POST", `/v2/test_helpers/financial_addresses/${addr.id}/credit`, {
    amount: { value: usdc + 1_000_000, currency: "usd" },
    network: "ach",
  });
  const acct = await stablecoinAccount(stripe, name);
  const fa = await usdcFa(stripe, acct);
  await v2(stripe, "POST", "/v2/money_management/outbound_payments", {
    from: { financial_account: platformFa?.id, currency: "usd" },
    to: { recipient: acct, payout_method: fa.id, currency: "usdc" },
    amount: { value: usdc, currency: "usd" },
  });
  return { acct, fa };
}

test("a card on a v2 USDC financial account: spends USDC, v2 received debit on capture, no default daily limit, a 10,000 USD ceiling", async () => {
  const { stripe } = t;
  const { acct, fa } = await usdcAccount(stripe, "Lu", 2_000_000);
  const opts = { stripeAccount: acct };
  const holder = await stripe.issuing.cardholders.create(LEAD_CARDHOLDER, opts);
  await assert.rejects(
    stripe.issuing.cards.create(onV2(fa.id, { cardholder: holder.id, currency: "eur", type: "virtual" }), opts),
    (e: Stripe.errors.StripeError) => e.param === "currency",
  );
  const card = await stripe.issuing.cards.create(
    onV2(fa.id, {
      cardholder: holder.id,
      currency: "usd",
      type: "virtual",
      status: "active",
      spending_controls: { spending_limits: [{ amount: 5_000_000, interval: "per_authorization" }] },
    }),
    opts,
  );
  const plain = await stripe.issuing.cards.create(
    onV2(fa.id, { cardholder: holder.id, currency: "usd", type: "virtual" }),
    opts,
  );
  assert.deepEqual(plain.spending_controls.spending_limits, [], "no default daily limit on USDC cards");
  const u = { acct, opts, fa: fa.id, holder: holder.id, card: card.id };
  assert.equal(
    lastReason(await authorize(stripe, u, 1_000_001)),
    "spending_controls",
    "a control of 50,000 cannot raise the 10,000 ceiling",
  );
  const a = await authorize(stripe, u, 1_000_000);
  assert.equal(a.approved, true);
  const mid = await v2(stripe, "GET", `/v2/money_management/financial_accounts/${fa.id}`, {}, acct);
  assert.deepEqual([mid.balance.available.usdc.value, mid.balance.outbound_pending.usdc.value], [1_000_000, 1_000_000]);
  const captured = await stripe.testHelpers.issuing.authorizations.capture(a.id, { capture_amount: 400_000 }, opts);
  assert.equal(captured.transactions[0]?.amount, -400_000);
  const end = await v2(stripe, "GET", `/v2/money_management/financial_accounts/${fa.id}`, {}, acct);
  assert.deepEqual([end.balance.available.usdc.value, end.balance.outbound_pending.usdc.value], [1_600_000, 0]);
  const rds = await v2(stripe, "GET", `/v2/money_management/received_debits`, {}, acct);
  assert.deepEqual(
    rds.data.map((x: Obj) => [x.type, x.amount.value, x.amount.currency, x.card_spend.authorization]),
    [["card_spend", 400_000, "usdc", a.id]],
  );
  // A won dispute gives the USDC back to the wallet, as a v2 received credit.
  await fetch(`${t.url}/_sandbox/config`, { method: "POST", body: JSON.stringify({ issuing_dispute_outcome: "won" }) });
  const d = await stripe.issuing.disputes.create(
    {
      transaction: String(captured.transactions[0]?.id),
      evidence: { reason: "fraudulent", fraudulent: { explanation: "Not me" } },
    },
    opts,
  );
  assert.equal((await stripe.issuing.disputes.submit(d.id, {}, opts)).status, "won");
  const back = await v2(stripe, "GET", `/v2/money_management/financial_accounts/${fa.id}`, {}, acct);
  assert.equal(back.balance.available.usdc.value, 2_000_000);
  const rcs = await v2(stripe, "GET", `/v2/money_management/received_credits`, {}, acct);
  assert.deepEqual(
    rcs.data.filter((x: Obj) => x.type === "card_spend").map((x: Obj) => [x.amount.value, x.amount.currency]),
    [[400_000, "usdc"]],
  );
  assertLedger(t.sandbox.kernel.store);
});

test("a v2 financial account goes in financial_account_v2: in financial_account it is a v1 Treasury lookup, refused as Stripe refuses an unknown financial account", async () => {
  const { stripe } = t;
  const { acct, fa } = await usdcAccount(stripe, "Vale", 50_000);
  const opts = { stripeAccount: acct };
  const holder = await stripe.issuing.cardholders.create(LEAD_CARDHOLDER, opts);
  const refused = await stripe.issuing.cards
    .create({ cardholder: holder.id, currency: "usd", type: "virtual", financial_account: fa.id }, opts)
    .catch((e: Stripe.errors.StripeError) => e);
  assert.ok(refused instanceof Error);
  assert.deepEqual(errorParts(refused), [
    400,
    "StripeInvalidRequestError",
    "resource_missing",
    "financial_account",
    `No such financial account: '${String(fa.id)}'`,
  ]);
  const missing = await stripe.issuing.cards
    .create({ cardholder: holder.id, currency: "usd", type: "virtual" }, opts)
    .catch((x: Stripe.errors.StripeError) => x);
  assert.deepEqual(
    [(missing as Stripe.errors.StripeError).code, (missing as Stripe.errors.StripeError).param],
    ["parameter_missing", "financial_account_v2"],
    "a stablecoin account's card names its v2 FA [stricter]",
  );
  const both = await stripe.issuing.cards
    .create(
      onV2(fa.id, {
        cardholder: holder.id,
        currency: "usd",
        type: "virtual",
        financial_account: "fa_anything",
      } as never),
      opts,
    )
    .catch((x: Stripe.errors.StripeError) => x);
  assert.equal((both as Stripe.errors.StripeError).code, "parameters_exclusive");
  const unknown = await stripe.issuing.cards
    .create(onV2("fa_test_nope", { cardholder: holder.id, currency: "usd", type: "virtual" }), opts)
    .catch((x: Stripe.errors.StripeError) => x);
  assert.deepEqual(
    [
      (unknown as Stripe.errors.StripeError).statusCode,
      (unknown as Stripe.errors.StripeError).code,
      (unknown as Stripe.errors.StripeError).param,
    ],
    [400, "resource_missing", "financial_account_v2"],
  );

  const card = await stripe.issuing.cards.create(
    onV2(fa.id, { cardholder: holder.id, currency: "usd", type: "virtual", status: "active" }),
    opts,
  );
  const shown = card as Stripe.Issuing.Card & { financial_account_v2?: string | null };
  assert.equal(shown.financial_account_v2, fa.id, "the card answers the v2 FA it spends");
  assert.equal(shown.financial_account ?? null, null);
  const read = (await stripe.issuing.cards.retrieve(card.id, {}, opts)) as typeof shown;
  assert.equal(read.financial_account_v2, fa.id);
  const a = await authorize(stripe, { acct, opts, fa: fa.id, holder: holder.id, card: card.id }, 2500);
  assert.equal(a.approved, true);
  assert.equal(
    (a.card as typeof shown).financial_account_v2,
    fa.id,
    "the authorization's card says which wallet it spends",
  );
  // A US Treasury card still uses financial_account, and answers financial_account_v2: null.
  const us = await stripe.issuing.cards.retrieve(s.card, {}, s.opts);
  assert.equal((us as typeof shown).financial_account_v2, null);
  assert.equal(us.financial_account, s.fa);
  assertLedger(t.sandbox.kernel.store);
});

test("cardholders of a stablecoin (Lead) account accept Lead's terms: requirements ask for individual.user_terms_acceptance.lead, and the cardholder answers it", async () => {
  const { stripe } = t;
  const { acct, fa } = await usdcAccount(stripe, "Nora", 10_000);
  const opts = { stripeAccount: acct };
  // Celtic's terms (card_issuing.user_terms_acceptance) do not count on Lead's program.
  const celtic = await stripe.issuing.cardholders.create(CARDHOLDER, opts);
  assert.deepEqual(celtic.requirements.past_due, [
    "individual.user_terms_acceptance.lead.date",
    "individual.user_terms_acceptance.lead.ip",
  ]);
  assert.equal(celtic.requirements.disabled_reason, "requirements.past_due");
  await assert.rejects(
    stripe.issuing.cards.create(
      onV2(fa.id, { cardholder: celtic.id, currency: "usd", type: "virtual", status: "active" }),
      opts,
    ),
    (e: Stripe.errors.StripeError) => e.param === "status" && /user_terms_acceptance\.lead/.test(e.message),
  );
  const accepted = await stripe.issuing.cardholders.update(
    celtic.id,
    {
      individual: { user_terms_acceptance: { lead: { date: 1_700_000_000, ip: "127.0.0.1" } } },
    } as unknown as Stripe.Issuing.CardholderUpdateParams,
    opts,
  );
  assert.deepEqual(accepted.requirements, { disabled_reason: null, past_due: [] });

  const lead = await stripe.issuing.cardholders.create(LEAD_CARDHOLDER, opts);
  assert.deepEqual(lead.requirements, { disabled_reason: null, past_due: [] });
  assert.deepEqual((lead.individual as unknown as { user_terms_acceptance: unknown }).user_terms_acceptance, {
    lead: { date: 1470266163, ip: "91.121.146.224" },
  });
  const card = await stripe.issuing.cards.create(
    onV2(fa.id, { cardholder: lead.id, currency: "usd", type: "virtual", status: "active" }),
    opts,
  );
  assert.equal(card.status, "active");

  // Lead's terms on a card_issuing (Celtic) account are refused [stricter], naming the parameter.
  const refused = await stripe.issuing.cardholders
    .create(LEAD_CARDHOLDER, s.opts)
    .catch((e: Stripe.errors.StripeError) => e);
  assert.deepEqual(
    [
      (refused as Stripe.errors.StripeError).statusCode,
      (refused as Stripe.errors.StripeError).type,
      (refused as Stripe.errors.StripeError).param,
    ],
    [400, "StripeInvalidRequestError", "individual[user_terms_acceptance][lead]"],
  );
  const us = await stripe.issuing.cardholders.create(CARDHOLDER, s.opts);
  assert.deepEqual(us.requirements.past_due, [], "Celtic's terms satisfy a card_issuing account");
});

test("physical cards on a v2 USDC financial account ship from the US: express or priority, never standard", async () => {
  const { stripe } = t;
  const { acct, fa } = await usdcAccount(stripe, "Pia", 1_000);
  const opts = { stripeAccount: acct };
  const holder = await stripe.issuing.cardholders.create(LEAD_CARDHOLDER, opts);
  const shipping = {
    name: "Pia",
    address: { line1: "Calle 1", city: "Cancun", postal_code: "77500", country: "MX" },
  };
  for (const service of [undefined, "standard"] as const)
    await assert.rejects(
      stripe.issuing.cards.create(
        onV2(fa.id, {
          cardholder: holder.id,
          currency: "usd",
          type: "physical",
          shipping: { ...shipping, ...(service ? { service } : {}) },
        }),
        opts,
      ),
      (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === "shipping[service]",
    );
  const card = await stripe.issuing.cards.create(
    onV2(fa.id, {
      cardholder: holder.id,
      currency: "usd",
      type: "physical",
      shipping: { ...shipping, service: "express" },
    }),
    opts,
  );
  assert.equal(card.shipping?.service, "express");
});
