import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { startTestSandbox, type TestSandbox } from "../../test-helpers";
import { fundedCard, type IssuingSetup } from "./fixtures";

let t: TestSandbox;
let s: IssuingSetup;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
  s = await fundedCard(t.stripe, 1000);
});
after(() => t.close());

const shipping: Stripe.Issuing.CardCreateParams.Shipping = {
  name: "Jenny Rosen",
  address: { line1: "1 Main St", city: "San Francisco", state: "CA", postal_code: "94111", country: "US" },
};
const bad = (param: string) => (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === param;

test("every account starts with physical bundles and one active default design", async () => {
  const { stripe } = t;
  const bundles = await stripe.issuing.physicalBundles.list({}, s.opts);
  assert.equal(bundles.object, "list");
  assert.ok(bundles.data.length >= 1);
  for (const b of bundles.data) {
    assert.equal(b.object, "issuing.physical_bundle");
    assert.match(b.id, /^ics_/);
    assert.deepEqual(Object.keys(b.features).sort(), ["card_logo", "carrier_text", "second_line"]);
  }
  const standard = await stripe.issuing.physicalBundles.list({ type: "standard" }, s.opts);
  assert.ok(standard.data.every((b) => b.type === "standard"));
  const one = await stripe.issuing.physicalBundles.retrieve(bundles.data[0]!.id, {}, s.opts);
  assert.deepEqual(one, bundles.data[0]);

  const designs = await stripe.issuing.personalizationDesigns.list({}, s.opts);
  assert.equal(designs.data.length, 1);
  const d = designs.data[0]!;
  assert.equal(d.object, "issuing.personalization_design");
  assert.match(d.id, /^pd_/);
  assert.equal(d.status, "active");
  assert.deepEqual(d.preferences, { is_default: true, is_platform_default: false });
  assert.deepEqual(d.rejection_reasons, { card_logo: null, carrier_text: null });
  assert.ok(bundles.data.some((b) => b.id === d.physical_bundle));
  const expanded = await stripe.issuing.personalizationDesigns.retrieve(d.id, { expand: ["physical_bundle"] }, s.opts);
  assert.equal((expanded.physical_bundle as Stripe.Issuing.PhysicalBundle).object, "issuing.physical_bundle");
  // Another account sees none of them.
  const other = await fundedCard(t.stripe, 100);
  await assert.rejects(
    stripe.issuing.personalizationDesigns.retrieve(d.id, {}, other.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 404,
  );
});

test("designs: create in review, the test helpers activate, reject and deactivate; lookup keys are unique", async () => {
  const { stripe } = t;
  const [standard] = (await stripe.issuing.physicalBundles.list({ type: "standard" }, s.opts)).data;
  const [custom] = (await stripe.issuing.physicalBundles.list({ type: "custom" }, s.opts)).data;
  await assert.rejects(
    stripe.issuing.personalizationDesigns.create({ physical_bundle: "ics_missing" }, s.opts),
    bad("physical_bundle"),
  );
  await assert.rejects(
    stripe.issuing.personalizationDesigns.create(
      { physical_bundle: standard!.id, carrier_text: { header_title: "Hi" } },
      s.opts,
    ),
    bad("carrier_text"),
    "a standard bundle prints no carrier text",
  );
  const d = await stripe.issuing.personalizationDesigns.create(
    { physical_bundle: custom!.id, name: "Gold", lookup_key: "gold", carrier_text: { header_title: "Welcome" } },
    s.opts,
  );
  assert.equal(d.status, "review");
  assert.equal(d.carrier_text?.header_title, "Welcome");
  assert.equal(d.carrier_text?.footer_body, null);
  await assert.rejects(
    stripe.issuing.personalizationDesigns.create({ physical_bundle: custom!.id, lookup_key: "gold" }, s.opts),
    bad("lookup_key"),
  );
  const found = await stripe.issuing.personalizationDesigns.list({ lookup_keys: ["gold"] }, s.opts);
  assert.deepEqual(
    found.data.map((x) => x.id),
    [d.id],
  );

  // Not active yet: no card can use it.
  const card = { cardholder: s.holder, currency: "usd", type: "physical", shipping, financial_account: s.fa } as const;
  await assert.rejects(
    stripe.issuing.cards.create({ ...card, personalization_design: d.id }, s.opts),
    bad("personalization_design"),
  );
  await assert.rejects(
    stripe.testHelpers.issuing.personalizationDesigns.reject(d.id, { rejection_reasons: {} }, s.opts),
    bad("rejection_reasons"),
  );
  const rejected = await stripe.testHelpers.issuing.personalizationDesigns.reject(
    d.id,
    { rejection_reasons: { carrier_text: ["inappropriate"] } },
    s.opts,
  );
  assert.equal(rejected.status, "rejected");
  assert.deepEqual(rejected.rejection_reasons, { card_logo: null, carrier_text: ["inappropriate"] });
  const active = await stripe.testHelpers.issuing.personalizationDesigns.activate(d.id, {}, s.opts);
  assert.equal(active.status, "active");
  assert.deepEqual(active.rejection_reasons, { card_logo: null, carrier_text: null });
  await assert.rejects(stripe.testHelpers.issuing.personalizationDesigns.activate(d.id, {}, s.opts), /active/);

  const printed = await stripe.issuing.cards.create({ ...card, personalization_design: d.id }, s.opts);
  assert.equal(printed.personalization_design, d.id);
  await assert.rejects(
    stripe.issuing.cards.create(
      { cardholder: s.holder, currency: "usd", type: "virtual", financial_account: s.fa, personalization_design: d.id },
      s.opts,
    ),
    bad("personalization_design"),
    "virtual cards are not printed",
  );

  // Made the default: the old default is no longer one, and unnamed physical cards use the new one.
  const def = await stripe.issuing.personalizationDesigns.update(d.id, { preferences: { is_default: true } }, s.opts);
  assert.equal(def.preferences.is_default, true);
  const defaults = await stripe.issuing.personalizationDesigns.list({ preferences: { is_default: true } }, s.opts);
  assert.deepEqual(
    defaults.data.map((x) => x.id),
    [d.id],
  );
  const plain = await stripe.issuing.cards.create(card, s.opts);
  assert.equal(plain.personalization_design, d.id);
  const [first] = (await stripe.issuing.personalizationDesigns.list({ preferences: { is_default: false } }, s.opts))
    .data;
  const redesigned = await stripe.issuing.cards.update(plain.id, { personalization_design: first!.id }, s.opts);
  assert.equal(redesigned.personalization_design, first!.id, "a pending card can change its design");
  await stripe.testHelpers.issuing.cards.submitCard(plain.id, {}, s.opts);
  await assert.rejects(
    stripe.issuing.cards.update(plain.id, { personalization_design: d.id }, s.opts),
    bad("personalization_design"),
    "not once it is at the printer",
  );

  // Changing what is printed sends it back to review; a name change does not.
  const renamed = await stripe.issuing.personalizationDesigns.update(d.id, { name: "Gold 2" }, s.opts);
  assert.equal(renamed.status, "active");
  const edited = await stripe.issuing.personalizationDesigns.update(
    d.id,
    { carrier_text: { footer_body: "Thanks" } },
    s.opts,
  );
  assert.equal(edited.status, "review");
  assert.equal(edited.carrier_text?.header_title, "Welcome");
  await stripe.testHelpers.issuing.personalizationDesigns.activate(d.id, {}, s.opts);
  const off = await stripe.testHelpers.issuing.personalizationDesigns.deactivate(d.id, {}, s.opts);
  assert.equal(off.status, "inactive");
  const inactive = await stripe.issuing.personalizationDesigns.list({ status: "inactive" }, s.opts);
  assert.deepEqual(
    inactive.data.map((x) => x.id),
    [d.id],
  );
});

test("lifecycle controls: a card with cancel_after.payment_count cancels itself after that many payments", async () => {
  const { stripe } = t;
  await assert.rejects(
    stripe.issuing.cards.create(
      {
        cardholder: s.holder,
        currency: "usd",
        type: "virtual",
        financial_account: s.fa,
        lifecycle_controls: { cancel_after: { payment_count: 0 } },
      },
      s.opts,
    ),
    bad("lifecycle_controls[cancel_after][payment_count]"),
  );
  const card = await stripe.issuing.cards.create(
    {
      cardholder: s.holder,
      currency: "usd",
      type: "virtual",
      financial_account: s.fa,
      status: "active",
      lifecycle_controls: { cancel_after: { payment_count: 2 } },
    },
    s.opts,
  );
  assert.deepEqual(card.lifecycle_controls, { cancel_after: { payment_count: 2 } });
  const buy = () =>
    stripe.testHelpers.issuing.authorizations.create(
      { card: card.id, amount: 100, merchant_data: { category: "taxicabs_limousines" } },
      s.opts,
    );
  assert.equal((await buy()).approved, true);
  assert.equal((await stripe.issuing.cards.retrieve(card.id, {}, s.opts)).status, "active");
  assert.equal((await buy()).approved, true);
  assert.equal((await stripe.issuing.cards.retrieve(card.id, {}, s.opts)).status, "canceled");
  const third = await buy();
  assert.equal(third.approved, false);
  assert.equal(third.request_history.at(-1)?.reason, "card_canceled");
});
