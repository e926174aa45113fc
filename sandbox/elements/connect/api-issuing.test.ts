import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mintNonce, startTestSandbox, type TestSandbox } from "../../test-helpers";
import { api, fundedAccount, MEMBER, OWNER, session } from "./test-setup";
import { stablecoinAccount, v2 } from "../../resources/money-management/fixtures";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 0, rtaUrl: "off" } });
});
after(() => t.close());

const holder = {
  first_name: "Jenny",
  last_name: "Rosen",
  email: "jenny@example.com",
  accept_terms: true,
  address: { line1: "1234 Main Street", city: "San Francisco", state: "CA", postal_code: "94111", country: "US" },
};

test("cards: an owner creates a cardholder and a virtual card, searches, freezes, activates, limits, reveals, disputes, cancels", async () => {
  const { acct, fa } = await fundedAccount(t.stripe);
  const call = api(t.url, await session(t.stripe, acct, OWNER));
  const opts = { stripeAccount: acct };

  const noTerms = await call("POST", "/issuing/cardholders", { ...holder, accept_terms: false });
  assert.equal(noTerms.status, 400);
  assert.equal(noTerms.body.error.param, "accept_terms");
  const ich = await call("POST", "/issuing/cardholders", holder);
  assert.equal(ich.status, 200, JSON.stringify(ich.body));
  assert.equal(ich.body.requirements.disabled_reason, null, "names and terms: nothing due");

  const sources = await call("GET", "/issuing/funding_sources");
  assert.deepEqual(
    sources.body.data.map((s: { id: string }) => s.id),
    [fa],
  );
  const ic = await call("POST", "/issuing/cards", { cardholder: ich.body.id, financial_account: fa });
  assert.equal(ic.status, 200, JSON.stringify(ic.body));
  assert.equal(ic.body.status, "active");
  const viaSdk = await t.stripe.issuing.cards.retrieve(ic.body.id, {}, opts);
  assert.equal(viaSdk.financial_account, fa, "the card exists through the SDK");

  assert.equal((await call("GET", `/issuing/cards?q=${ic.body.last4}`)).body.data[0]?.id, ic.body.id);
  assert.equal((await call("GET", "/issuing/cards?q=jenny")).body.data.length, 1);
  assert.equal((await call("GET", "/issuing/cards?q=nobody")).body.data.length, 0);

  assert.equal(
    (await call("POST", `/issuing/cards/${ic.body.id}/status`, { status: "inactive" })).body.status,
    "inactive",
  );
  assert.equal((await call("POST", `/issuing/cards/${ic.body.id}/status`, { status: "active" })).body.status, "active");
  const limited = await call("POST", `/issuing/cards/${ic.body.id}/spending_controls`, {
    spending_limits: [{ amount: 12_345, interval: "weekly" }],
    blocked_categories: ["automated_cash_disburse"],
  });
  assert.equal(limited.status, 200, JSON.stringify(limited.body));
  assert.deepEqual(
    (await t.stripe.issuing.cards.retrieve(ic.body.id, {}, opts)).spending_controls.spending_limits?.map((l) => [
      l.amount,
      l.interval,
    ]),
    [[12_345, "weekly"]],
  );

  // Reveal: the app makes an ephemeral key for the card and nonce; the page never sees more than that card.
  const minted = await call("POST", `/issuing/cards/${ic.body.id}/nonce`, {});
  assert.equal(minted.status, 200, JSON.stringify(minted.body));
  const nonce = String(minted.body.nonce);
  const ek = await t.stripe.ephemeralKeys.create(
    { issuing_card: ic.body.id, nonce },
    { apiVersion: "2026-10-28.endive", stripeAccount: acct },
  );
  const shown = await call("POST", `/issuing/cards/${ic.body.id}/reveal`, { ephemeral_key_secret: ek.secret, nonce });
  assert.equal(shown.status, 200, JSON.stringify(shown.body));
  const full = await t.stripe.issuing.cards.retrieve(ic.body.id, { expand: ["number", "cvc"] }, opts);
  assert.equal(shown.body.number, full.number);
  assert.equal(shown.body.cvc, full.cvc);
  assert.equal(
    (await call("POST", `/issuing/cards/${ic.body.id}/reveal`, { ephemeral_key_secret: "ek_test_forged", nonce }))
      .status,
    400,
    "a forged key is refused, without looking like an expired session",
  );

  // A purchase, then a dispute from the card view.
  const auth = await t.stripe.testHelpers.issuing.authorizations.create({ card: ic.body.id, amount: 1500 }, opts);
  await t.stripe.testHelpers.issuing.authorizations.capture(auth.id, {}, opts);
  const txns = await call("GET", `/issuing/cards/${ic.body.id}/transactions`);
  assert.equal(txns.body.data.length, 1);
  const disputed = await call("POST", `/issuing/transactions/${txns.body.data[0].id}/dispute`, {
    reason: "other",
    product_type: "merchandise",
    explanation: "Never arrived in one piece.",
  });
  assert.equal(disputed.status, 200, JSON.stringify(disputed.body));
  assert.equal(disputed.body.object, "issuing.dispute");
  assert.notEqual(disputed.body.status, "unsubmitted");

  const canceled = await call("POST", `/issuing/cards/${ic.body.id}/status`, {
    status: "canceled",
    cancellation_reason: "lost",
  });
  assert.equal(canceled.body.status, "canceled");
  assert.equal(canceled.body.cancellation_reason, "lost");
});

test("cards: a member sees cards but every management request is refused; other accounts' cards are 404", async () => {
  const a = await fundedAccount(t.stripe);
  const b = await fundedAccount(t.stripe);
  const owner = api(t.url, await session(t.stripe, a.acct, OWNER));
  const ich = await owner("POST", "/issuing/cardholders", holder);
  const ic = await owner("POST", "/issuing/cards", { cardholder: ich.body.id });
  assert.equal(ic.status, 200, JSON.stringify(ic.body));

  const member = api(t.url, await session(t.stripe, a.acct, MEMBER));
  assert.equal((await member("GET", "/issuing/cards")).body.data.length, 1);
  for (const [path, body] of [
    ["/issuing/cards", { cardholder: ich.body.id }],
    ["/issuing/cardholders", holder],
    [`/issuing/cards/${ic.body.id}/status`, { status: "canceled" }],
    [`/issuing/cards/${ic.body.id}/spending_controls`, { spending_limits: [] }],
    ["/issuing/transactions/ipi_123/dispute", { explanation: "x" }],
  ] as const) {
    const r = await member("POST", path, body);
    assert.equal(r.status, 403, path);
    assert.equal(r.body.error.type, "permission_error");
  }
  assert.equal((await member("GET", "/issuing/funding_sources")).status, 403);
  assert.equal(
    (await t.stripe.issuing.cards.retrieve(ic.body.id, {}, { stripeAccount: a.acct })).status,
    "active",
    "nothing changed",
  );

  const other = api(t.url, await session(t.stripe, b.acct, OWNER));
  assert.equal((await other("GET", `/issuing/cards/${ic.body.id}`)).status, 404);
  assert.equal((await other("POST", `/issuing/cards/${ic.body.id}/status`, { status: "canceled" })).status, 404);
  const n = await mintNonce(t.url, ic.body.id);
  assert.equal(
    (await other("POST", `/issuing/cards/${ic.body.id}/nonce`, {})).status,
    404,
    "no nonce for another account's card",
  );
  const ek = await t.stripe.ephemeralKeys.create(
    { issuing_card: ic.body.id, nonce: n },
    { apiVersion: "2026-10-28.endive", stripeAccount: a.acct },
  );
  assert.equal(
    (await other("POST", `/issuing/cards/${ic.body.id}/reveal`, { ephemeral_key_secret: ek.secret, nonce: n })).status,
    404,
    "even with a valid key, another session cannot read the card",
  );
});

test("cards of a stablecoin (MX) account: the component offers its USDC wallet, sends financial_account_v2, and its cardholders accept Lead's terms", async () => {
  const acct = await stablecoinAccount(t.stripe, "Mia");
  const fa = await v2(
    t.stripe,
    "POST",
    "/v2/money_management/financial_accounts",
    { type: "storage", storage: { holds_currencies: ["usdc"] } },
    acct,
  );
  const call = api(t.url, await session(t.stripe, acct, OWNER));
  const ich = await call("POST", "/issuing/cardholders", {
    ...holder,
    address: { line1: "Calle de la Paz 123", city: "Cancun", postal_code: "77500", country: "MX" },
  });
  assert.equal(ich.status, 200, JSON.stringify(ich.body));
  assert.deepEqual(ich.body.individual.user_terms_acceptance.lead.ip !== undefined, true, "Lead's terms, not Celtic's");
  assert.equal(ich.body.individual.card_issuing, null);
  assert.deepEqual(ich.body.requirements, { disabled_reason: null, past_due: [] });

  const sources = await call("GET", "/issuing/funding_sources");
  assert.deepEqual(
    [sources.body.issuing_balance, sources.body.data.map((s: { id: string; api: string }) => [s.id, s.api])],
    [false, [[fa.id, "v2"]]],
  );
  const wrong = await call("POST", "/issuing/cards", { cardholder: ich.body.id, financial_account: fa.id });
  assert.deepEqual(
    [wrong.status, wrong.body.error.code, wrong.body.error.param],
    [400, "resource_missing", "financial_account"],
    "a v2 id is not a Treasury financial account",
  );
  const ic = await call("POST", "/issuing/cards", { cardholder: ich.body.id, financial_account_v2: fa.id });
  assert.equal(ic.status, 200, JSON.stringify(ic.body));
  assert.deepEqual([ic.body.status, ic.body.financial_account, ic.body.financial_account_v2], ["active", null, fa.id]);
});

test("cards: an owner orders a physical card (shipping, service, design), it ships, and is activated once delivered; a member may not order one", async () => {
  const { acct, fa } = await fundedAccount(t.stripe);
  const call = api(t.url, await session(t.stripe, acct, OWNER));
  const opts = { stripeAccount: acct };
  const ich = await call("POST", "/issuing/cardholders", holder);
  assert.equal(ich.status, 200, JSON.stringify(ich.body));

  const designs = await call("GET", "/issuing/personalization_designs");
  assert.equal(designs.status, 200, JSON.stringify(designs.body));
  const design = designs.body.data[0]?.id as string;
  assert.match(design, /^pd_/, "the account's default design is offered");
  const shipping = {
    name: "Jenny Rosen",
    address: { line1: "510 Townsend St", line2: "Suite 2", city: "San Francisco", state: "CA", country: "US" },
    service: "express",
  };
  const order = { cardholder: ich.body.id, financial_account: fa, type: "physical", personalization_design: design };

  const noPostal = await call("POST", "/issuing/cards", { ...order, shipping });
  assert.equal(noPostal.status, 400);
  assert.deepEqual(
    [noPostal.body.error.param, noPostal.body.error.message],
    ["shipping[address][postal_code]", "Enter a postal code."],
  );
  assert.equal((await t.stripe.issuing.cards.list({}, opts)).data.length, 0, "nothing was created");

  const member = api(t.url, await session(t.stripe, acct, MEMBER));
  const refused = await member("POST", "/issuing/cards", {
    ...order,
    shipping: { ...shipping, address: { ...shipping.address, postal_code: "94107" } },
  });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.type, "permission_error");
  assert.equal((await member("GET", "/issuing/personalization_designs")).status, 403);

  const ic = await call("POST", "/issuing/cards", {
    ...order,
    activate: true, // ignored: a physical card starts inactive
    shipping: { ...shipping, address: { ...shipping.address, postal_code: "94107" } },
  });
  assert.equal(ic.status, 200, JSON.stringify(ic.body));
  const card = await t.stripe.issuing.cards.retrieve(ic.body.id, {}, opts);
  assert.deepEqual(
    [card.type, card.status, card.personalization_design, card.financial_account],
    ["physical", "inactive", design, fa],
  );
  assert.deepEqual(
    [card.shipping?.name, card.shipping?.service, card.shipping?.status, card.shipping?.address],
    [
      "Jenny Rosen",
      "express",
      "pending",
      {
        line1: "510 Townsend St",
        line2: "Suite 2",
        city: "San Francisco",
        state: "CA",
        postal_code: "94107",
        country: "US",
      },
    ],
  );
  assert.equal((await t.stripe.issuing.cards.list({}, opts)).data.length, 1);

  await t.stripe.testHelpers.issuing.cards.shipCard(ic.body.id, {}, opts);
  const shipped = await call("GET", `/issuing/cards/${ic.body.id}`);
  assert.equal(shipped.body.shipping.status, "shipped");
  assert.ok(shipped.body.shipping.tracking_number, "the component sees the tracking number");
  await t.stripe.testHelpers.issuing.cards.deliverCard(ic.body.id, {}, opts);
  const delivered = await call("GET", `/issuing/cards/${ic.body.id}`);
  assert.equal(delivered.status, 200);
  assert.equal(delivered.body.shipping.status, "delivered");
  const activated = await call("POST", `/issuing/cards/${ic.body.id}/status`, { status: "active" });
  assert.equal(activated.status, 200, JSON.stringify(activated.body));
  assert.equal((await t.stripe.issuing.cards.retrieve(ic.body.id, {}, opts)).status, "active");
});

test("cards of a stablecoin account: a physical card on standard shipping is refused by the API, on the service field", async () => {
  const acct = await stablecoinAccount(t.stripe, "Mia");
  const fa = await v2(
    t.stripe,
    "POST",
    "/v2/money_management/financial_accounts",
    { type: "storage", storage: { holds_currencies: ["usdc"] } },
    acct,
  );
  const call = api(t.url, await session(t.stripe, acct, OWNER));
  const address = { line1: "Calle de la Paz 123", city: "Cancun", postal_code: "77500", country: "MX" };
  const ich = await call("POST", "/issuing/cardholders", { ...holder, address });
  assert.equal(ich.status, 200, JSON.stringify(ich.body));
  const design = (await call("GET", "/issuing/personalization_designs")).body.data[0]?.id as string;
  const order = {
    cardholder: ich.body.id,
    financial_account_v2: fa.id,
    type: "physical",
    personalization_design: design,
    shipping: { name: "Jenny Rosen", address, service: "standard" },
  };
  const standard = await call("POST", "/issuing/cards", order);
  assert.deepEqual([standard.status, standard.body.error.param], [400, "shipping[service]"]);
  const express = await call("POST", "/issuing/cards", {
    ...order,
    shipping: { ...order.shipping, service: "express" },
  });
  assert.equal(express.status, 200, JSON.stringify(express.body));
  assert.deepEqual(
    [express.body.type, express.body.status, express.body.shipping.service],
    ["physical", "inactive", "express"],
  );
});
