import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { control, startTestSandbox, type TestSandbox } from "../../test-helpers";
import { CARDHOLDER, fundedCard, issuingAccount, type IssuingSetup } from "./fixtures";

let t: TestSandbox;
let s: IssuingSetup;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
  s = await fundedCard(t.stripe, 1000);
});
after(() => t.close());

const provision = (card: string, body: Record<string, unknown> = {}) =>
  control(t.url, `/_sandbox/issuing/cards/${card}/tokens`, body);

test("the control adds a card to a wallet: GET /v1/issuing/tokens?card= lists it, retrieve shows device and wallet, issuing_token.created", async () => {
  const made = await provision(s.card, {
    wallet_provider: "google_pay",
    device_type: "watch",
    device_name: "Jenny's watch",
  });
  assert.equal(made.status, 200, JSON.stringify(made.body));
  const id = String(made.body.id);
  assert.match(id, /^intok_/);
  const token = await t.stripe.issuing.tokens.retrieve(id, {}, s.opts);
  assert.deepEqual(
    [
      token.card,
      token.status,
      token.wallet_provider,
      token.network,
      token.network_data?.device?.type,
      token.network_data?.device?.name,
    ],
    [s.card, "active", "google_pay", "visa", "watch", "Jenny's watch"],
  );
  await provision(s.card, { wallet_provider: "apple_pay" });
  const listed = await t.stripe.issuing.tokens.list({ card: s.card }, s.opts);
  assert.deepEqual(
    listed.data.map((x) => x.wallet_provider),
    ["apple_pay", "google_pay"],
    "newest first",
  );
  assert.equal((await t.stripe.issuing.tokens.list({ card: s.card, status: "suspended" }, s.opts)).data.length, 0);
  await assert.rejects(
    t.stripe.rawRequest("GET", "/v1/issuing/tokens", {}, s.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === "card",
    "card is required",
  );
  const events = (await t.stripe.events.list({ type: "issuing_token.created" }, s.opts)).data;
  assert.equal(events.length, 2);
  assert.equal((events[1]?.data.object as Stripe.Issuing.Token).id, id);
  // Another account sees neither the card's tokens nor the token.
  const other = { stripeAccount: await issuingAccount(t.stripe) };
  await assert.rejects(
    t.stripe.issuing.tokens.retrieve(id, {}, other),
    (e: Stripe.errors.StripeError) => e.statusCode === 404,
  );
  await assert.rejects(
    t.stripe.issuing.tokens.list({ card: s.card }, other),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === "card",
  );
});

test("suspend, resume, delete: each an issuing_token.updated; deleted is final", async () => {
  const id = String((await provision(s.card)).body.id);
  const suspended = await t.stripe.issuing.tokens.update(id, { status: "suspended" }, s.opts);
  assert.equal(suspended.status, "suspended");
  assert.equal((await t.stripe.issuing.tokens.update(id, { status: "active" }, s.opts)).status, "active");
  const updates = (await t.stripe.events.list({ type: "issuing_token.updated", limit: 2 }, s.opts)).data;
  assert.deepEqual(
    updates.map((e) => [
      (e.data.object as Stripe.Issuing.Token).status,
      (e.data.previous_attributes as { status?: string } | undefined)?.status,
    ]),
    [
      ["active", "suspended"],
      ["suspended", "active"],
    ],
  );
  assert.equal((await t.stripe.issuing.tokens.update(id, { status: "deleted" }, s.opts)).status, "deleted");
  await assert.rejects(
    t.stripe.issuing.tokens.update(id, { status: "active" }, s.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === "status",
  );
  await assert.rejects(
    t.stripe.issuing.tokens.update(id, { status: "requested" as "active" }, s.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400,
  );
});

test("a cardholder without phone number and email cannot add a card to a wallet, and the card says why", async () => {
  const noContact = { ...CARDHOLDER, email: undefined, phone_number: undefined };
  const holder = await t.stripe.issuing.cardholders.create(noContact, s.opts);
  const card = await t.stripe.issuing.cards.create(
    { cardholder: holder.id, currency: "usd", type: "virtual", financial_account: s.fa },
    s.opts,
  );
  assert.deepEqual(card.wallets?.apple_pay, { eligible: false, ineligible_reason: "missing_cardholder_contact" });
  const refused = await provision(card.id);
  assert.equal(refused.status, 400);
  assert.match(String((refused.body.error as { message: string }).message), /phone_number or email/);
  assert.equal((await t.stripe.issuing.tokens.list({ card: card.id }, s.opts)).data.length, 0);

  await t.stripe.issuing.cardholders.update(holder.id, { email: "jenny@example.com" }, s.opts);
  const now = await t.stripe.issuing.cards.retrieve(card.id, {}, s.opts);
  assert.deepEqual(now.wallets?.google_pay, { eligible: true, ineligible_reason: null });
  assert.equal((await provision(card.id)).status, 200, "an email is enough");
  assert.equal((await provision("ic_missing")).status, 404);
  assert.equal((await provision(card.id, { wallet_provider: "paypal" })).status, 400);
});
