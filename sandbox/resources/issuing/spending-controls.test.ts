import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { anotherCard, authorize, fundedCard, lastReason, type IssuingSetup } from "./fixtures";

let t: TestSandbox;
let s: IssuingSetup;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
  s = await fundedCard(t.stripe, 200_000);
});
after(() => t.close());

const at = (iso: string) =>
  fetch(`${t.url}/_sandbox/clock`, {
    method: "POST",
    body: JSON.stringify({ to: Date.parse(iso) / 1000, frozen: true }),
  });
const limitCard = (
  interval: Stripe.Issuing.CardCreateParams.SpendingControls.SpendingLimit.Interval,
  amount = 1000,
  categories?: string[],
) =>
  anotherCard(t.stripe, s, {
    spending_controls: {
      spending_limits: [{ amount, interval, ...(categories ? { categories: categories as never } : {}) }],
    },
  });
const reason = async (amount: number, card: string, extra = {}) => {
  const a = await authorize(t.stripe, s, amount, extra, card);
  return a.approved ? "approved" : lastReason(a);
};

/** Spends 800 just before the edge, is refused 300 there, and gets it just after (or still not, inside the window). */
async function edge(
  interval: Stripe.Issuing.CardCreateParams.SpendingControls.SpendingLimit.Interval,
  beforeEdge: string,
  afterEdge: string,
  inside?: string,
): Promise<void> {
  await at(beforeEdge);
  const card = await limitCard(interval);
  assert.equal(await reason(800, card), "approved", `${interval}: first spend`);
  assert.equal(await reason(300, card), "spending_controls", `${interval}: over the limit`);
  if (inside) {
    await at(inside);
    assert.equal(await reason(300, card), "spending_controls", `${interval}: later in the same window`);
  }
  await at(afterEdge);
  assert.equal(await reason(300, card), "approved", `${interval}: a new window`);
}

test("each interval is a UTC calendar window on the sandbox clock", async () => {
  await edge("daily", "2031-03-10T23:59:00Z", "2031-03-11T00:00:30Z", "2031-03-10T00:00:10Z");
  // 2031-03-15 is a Saturday; weeks start on Sunday.
  await edge("weekly", "2031-03-10T08:00:00Z", "2031-03-16T00:00:30Z", "2031-03-15T23:59:00Z");
  await edge("monthly", "2031-03-02T08:00:00Z", "2031-04-01T00:00:30Z", "2031-03-31T23:59:00Z");
  await edge("yearly", "2031-01-05T08:00:00Z", "2032-01-01T00:00:30Z", "2031-12-31T23:59:00Z");
  await at("2032-02-01T00:00:00Z");
  const lifetime = await limitCard("all_time");
  assert.equal(await reason(800, lifetime), "approved");
  await at("2034-06-01T00:00:00Z");
  assert.equal(await reason(300, lifetime), "spending_controls", "all_time never resets");
  const per = await limitCard("per_authorization");
  assert.deepEqual(
    [await reason(1001, per), await reason(1000, per), await reason(1000, per)],
    ["spending_controls", "approved", "approved"],
  );
});

test("releases give back limit room, captures keep it, refunds return it", async () => {
  const card = await limitCard("daily");
  const a = await authorize(t.stripe, s, 1000, {}, card);
  assert.equal(await reason(1, card), "spending_controls");
  await t.stripe.testHelpers.issuing.authorizations.reverse(a.id, { reverse_amount: 400 }, s.opts);
  assert.equal(await reason(400, card), "approved");
  const b = await t.stripe.issuing.authorizations.list({ card, status: "pending" }, s.opts);
  for (const x of b.data) await t.stripe.testHelpers.issuing.authorizations.capture(x.id, {}, s.opts);
  assert.equal(await reason(1, card), "spending_controls", "captured spend still counts");
  const txn = (await t.stripe.issuing.transactions.list({ card }, s.opts)).data[0];
  await t.stripe.testHelpers.issuing.transactions.refund(String(txn?.id), {}, s.opts);
  assert.equal(await reason(1, card), "approved", "a refund gives room back [sandbox rule]");
});

test("per-category limits, cardholder limits across cards, most restrictive wins, and the default daily limit", async () => {
  const taxi = await limitCard("daily", 500, ["taxicabs_limousines"]);
  assert.equal(await reason(400, taxi), "approved");
  assert.equal(await reason(200, taxi), "spending_controls");
  assert.equal(
    await reason(2000, taxi, { merchant_data: { category: "eating_places_restaurants" } }),
    "approved",
    "other categories are not limited",
  );
  const holder = await t.stripe.issuing.cardholders.create(
    {
      ...(await import("./fixtures")).CARDHOLDER,
      spending_controls: { spending_limits: [{ amount: 700, interval: "daily" }] },
    },
    s.opts,
  );
  const c1 = await anotherCard(
    t.stripe,
    { ...s, holder: holder.id },
    { spending_controls: { spending_limits: [{ amount: 1000, interval: "daily" }] } },
  );
  const c2 = await anotherCard(t.stripe, { ...s, holder: holder.id });
  assert.equal(await reason(800, c1), "spending_controls", "the cardholder's 700 beats the card's 1000");
  assert.equal(await reason(500, c1), "approved");
  assert.equal(await reason(300, c2), "spending_controls", "cardholder limits add up across its cards");
  const plain = await t.stripe.issuing.cards.retrieve(await anotherCard(t.stripe, s), {}, s.opts);
  assert.deepEqual(plain.spending_controls.spending_limits, [{ amount: 50000, categories: [], interval: "daily" }]);
  assert.equal(plain.spending_controls.spending_limits_currency, "usd");
  assert.equal(await reason(50001, plain.id), "spending_controls");
  await fetch(`${t.url}/_sandbox/config`, { method: "POST", body: JSON.stringify({ issuing_default_daily_limit: 0 }) });
  assert.deepEqual(
    (await t.stripe.issuing.cards.retrieve(await anotherCard(t.stripe, s), {}, s.opts)).spending_controls
      .spending_limits,
    [],
  );
  await fetch(`${t.url}/_sandbox/config`, {
    method: "POST",
    body: JSON.stringify({ issuing_default_daily_limit: 50000 }),
  });
  const own = await anotherCard(t.stripe, s, {
    spending_controls: { spending_limits: [{ amount: 100_000, interval: "monthly" }] },
  });
  assert.equal(await reason(60000, own), "approved", "a caller's own limits replace the default");
});

test("category and country controls; allowed with blocked is a 400", async () => {
  const allowed = await anotherCard(t.stripe, s, {
    spending_controls: { allowed_categories: ["taxicabs_limousines"], allowed_merchant_countries: ["US"] },
  });
  assert.equal(await reason(100, allowed), "approved");
  assert.equal(await reason(100, allowed, { merchant_data: { category: "bakeries" } }), "spending_controls");
  assert.equal(
    await reason(100, allowed, { merchant_data: { category: "taxicabs_limousines", country: "GB" } }),
    "spending_controls",
  );
  const blocked = await anotherCard(t.stripe, s, {
    spending_controls: { blocked_categories: ["betting_casino_gambling"], blocked_merchant_countries: ["GB"] },
  });
  assert.equal(
    await reason(100, blocked, { merchant_data: { category: "betting_casino_gambling" } }),
    "spending_controls",
  );
  assert.equal(
    await reason(100, blocked, { merchant_data: { category: "bakeries", country: "GB" } }),
    "spending_controls",
  );
  // The test helper takes the category by name only: the SDK declares no merchant_data[category_code] parameter.
  await assert.rejects(
    reason(100, blocked, { merchant_data: { category_code: "5462", country: "FR" } as never }),
    (e: Stripe.errors.StripeError) => e.code === "parameter_unknown" && e.param === "merchant_data[category_code]",
  );
  await assert.rejects(
    anotherCard(t.stripe, s, {
      spending_controls: { allowed_categories: ["bakeries"], blocked_categories: ["taxicabs_limousines"] },
    }),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && /only specify one of/.test(e.message),
  );
  await assert.rejects(
    t.stripe.issuing.cards.update(blocked, { spending_controls: { allowed_merchant_countries: ["US"] } }, s.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400,
  );
  await assert.rejects(
    anotherCard(t.stripe, s, { spending_controls: { blocked_categories: ["not_a_category" as never] } }),
    (e: Stripe.errors.StripeError) => e.param === "spending_controls[blocked_categories][0]",
  );
  const holderBlocks = await t.stripe.issuing.cardholders.update(
    s.holder,
    { spending_controls: { blocked_categories: ["bakeries"] } },
    s.opts,
  );
  assert.deepEqual(holderBlocks.spending_controls?.blocked_categories, ["bakeries"]);
  assert.equal(await reason(100, allowed, { merchant_data: { category: "taxicabs_limousines" } }), "approved");
  assert.equal(
    await reason(100, blocked, { merchant_data: { category: "bakeries", country: "FR" } }),
    "spending_controls",
    "the cardholder's block applies to its cards",
  );
  assertLedger(t.sandbox.kernel.store);
});
