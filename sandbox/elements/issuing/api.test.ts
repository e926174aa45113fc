import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { control, mintNonce, startTestSandbox, type TestSandbox } from "../../test-helpers";
import { fundedCard, type IssuingSetup } from "../../resources/issuing/fixtures";

let t: TestSandbox;
let s: IssuingSetup;
const VERSION = { apiVersion: "2026-10-28.endive" };
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
  s = await fundedCard(t.stripe, 5000);
});
after(() => t.close());

type Answer = { value?: string; error: { param?: string; message: string } };

/** What an element's frame asks for its one value. */
async function read(body: Record<string, unknown>): Promise<{ status: number; body: Answer; cors: string | null }> {
  const res = await fetch(`${t.url}/issuing-elements/api/card`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as Answer,
    cors: res.headers.get("access-control-allow-origin"),
  };
}

async function keyFor(card: string, opts = s.opts): Promise<{ secret: string; nonce: string; id: string }> {
  const nonce = await mintNonce(t.url, card);
  const key = await t.stripe.ephemeralKeys.create({ issuing_card: card, nonce }, { ...opts, ...VERSION });
  return { secret: String(key.secret), nonce, id: key.id };
}

test("nonce → key → each element's value, only for that card and that nonce; the platform's card responses never hold the number or PIN", async () => {
  const full = await t.stripe.issuing.cards.retrieve(s.card, { expand: ["number", "cvc"] }, s.opts);
  const k = await keyFor(s.card);
  const ask = (field: string, over: Record<string, unknown> = {}) =>
    read({ issuing_card: s.card, nonce: k.nonce, ephemeral_key_secret: k.secret, field, ...over });

  const number = await ask("number");
  assert.equal(number.status, 200, JSON.stringify(number.body));
  assert.equal(number.body.value, full.number);
  assert.equal(number.cors, null, "no CORS: only the frames' own origin can read a value");
  assert.equal((await ask("cvc")).body.value, full.cvc);
  assert.equal(
    (await ask("expiry")).body.value,
    `${String(full.exp_month).padStart(2, "0")}/${String(full.exp_year % 100).padStart(2, "0")}`,
  );
  const pin = (await ask("pin")).body.value as string;
  assert.match(pin, /^\d{4}$/);

  const wrongNonce = await ask("number", { nonce: await mintNonce(t.url, s.card) });
  assert.deepEqual([wrongNonce.status, wrongNonce.body.error.param, wrongNonce.body.value], [400, "nonce", undefined]);
  assert.equal((await ask("number", { ephemeral_key_secret: "ek_test_forged" })).status, 401);
  assert.equal((await ask("number", { field: "ssn" })).status, 400);

  // Another card of the same account: its own key reads it, this one does not.
  const other = await t.stripe.issuing.cards.create(
    { cardholder: s.holder, currency: "usd", type: "virtual", financial_account: s.fa },
    s.opts,
  );
  const cross = await ask("number", { issuing_card: other.id });
  assert.deepEqual([cross.status, cross.body.error.param], [400, "issuing_card"]);
  const ko = await keyFor(other.id);
  const otherPin = await read({
    issuing_card: other.id,
    nonce: ko.nonce,
    ephemeral_key_secret: ko.secret,
    field: "pin",
  });
  assert.equal(otherPin.status, 200);

  // The API never shows the PIN, and the number only when expanded on retrieve.
  const plain = await t.stripe.issuing.cards.retrieve(s.card, {}, s.opts);
  const listed = await t.stripe.issuing.cards.list({ limit: 10 }, s.opts);
  for (const text of [JSON.stringify(plain), JSON.stringify(listed)]) {
    assert.ok(!text.includes(String(full.number)), "no card number");
    assert.doesNotMatch(text, /"pin"/, "no PIN field");
  }
});

test("POST /v1/ephemeral_keys takes only a nonce the sandbox minted, for that card, once", async () => {
  const create = (nonce: string, card = s.card) =>
    t.stripe.ephemeralKeys.create({ issuing_card: card, nonce }, { ...s.opts, ...VERSION });
  const refused = (pattern: RegExp) => (e: Stripe.errors.StripeError) =>
    e.statusCode === 400 && e.param === "nonce" && pattern.test(e.message);
  await assert.rejects(create("made-up"), refused(/createEphemeralKeyNonce/));
  const other = await t.stripe.issuing.cards.create(
    { cardholder: s.holder, currency: "usd", type: "virtual", financial_account: s.fa },
    s.opts,
  );
  await assert.rejects(create(await mintNonce(t.url, other.id)), refused(/another Issuing card/));
  const nonce = await mintNonce(t.url, s.card);
  await create(nonce);
  await assert.rejects(create(nonce), refused(/single-use/));
  await assert.rejects(
    t.stripe.ephemeralKeys.create(
      { issuing_card: s.card, nonce: await mintNonce(t.url, s.card) },
      { ...s.opts, apiVersion: "2019-12-03" as never },
    ),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && /2020-03-02/.test(e.message),
  );
  // Another account cannot turn a nonce for this card into a key.
  const stranger = await t.stripe.accounts.create({ type: "custom", country: "US", email: "x@example.com" });
  const forThisCard = await mintNonce(t.url, s.card);
  await assert.rejects(
    t.stripe.ephemeralKeys.create(
      { issuing_card: s.card, nonce: forThisCard },
      { stripeAccount: stranger.id, ...VERSION },
    ),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === "issuing_card",
  );
  await create(forThisCard);
});

test("the nonce endpoint wants a publishable key and a card id, and answers any origin", async () => {
  const post = (auth: string, body: unknown) =>
    fetch(`${t.url}/issuing-elements/api/ephemeral_key_nonces`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  assert.equal(
    (await post("Bearer sk_test_x", { issuing_card: s.card })).status,
    401,
    "a secret key is not what the browser holds",
  );
  assert.equal((await post("Bearer pk_test_x", { issuing_card: "nope" })).status, 400);
  const ok = await post("Bearer pk_test_x", { issuing_card: s.card });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get("access-control-allow-origin"), "*");
  assert.match(((await ok.json()) as { nonce: string }).nonce, /^ephkn_pub_/);
  const preflight = await fetch(`${t.url}/issuing-elements/api/ephemeral_key_nonces`, { method: "OPTIONS" });
  assert.equal(preflight.status, 204);
});

test("a physical card shows its PIN and expiry, never its number or CVC; deleted and expired keys read nothing", async () => {
  const physical = await t.stripe.issuing.cards.create(
    {
      cardholder: s.holder,
      currency: "usd",
      type: "physical",
      financial_account: s.fa,
      shipping: {
        name: "Jenny Rosen",
        address: { line1: "1 Main St", city: "San Francisco", state: "CA", postal_code: "94111", country: "US" },
      },
    },
    s.opts,
  );
  const k = await keyFor(physical.id);
  const ask = (field: string, key = k) =>
    read({ issuing_card: physical.id, nonce: key.nonce, ephemeral_key_secret: key.secret, field });
  assert.match((await ask("pin")).body.value ?? "", /^\d{4}$/);
  assert.equal((await ask("expiry")).status, 200);
  assert.equal((await ask("number")).status, 400);
  assert.equal((await ask("cvc")).status, 400);

  await t.stripe.ephemeralKeys.del(k.id, {}, s.opts);
  assert.equal((await ask("pin")).status, 401, "a deleted key");
  const live = await keyFor(physical.id);
  assert.equal((await ask("pin", live)).status, 200);
  await control(t.url, "/_sandbox/clock", { advance_seconds: 3601 });
  assert.equal((await ask("pin", live)).status, 401, "an expired key");
});
