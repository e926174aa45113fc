import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import Stripe from "stripe";
import { startReceiver, startTestSandbox, waitFor, type TestSandbox } from "../../test-helpers";
import { PREVIEW_REQUEST as PREVIEW, type Obj as V2Account } from "../money-management/fixtures";

const SECRET = "whsec_v2_test";
let t: TestSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
before(async () => {
  receiver = await startReceiver();
  t = await startTestSandbox({ thin: { url: receiver.url, secret: SECRET }, config: { verificationDelayMs: 20 } });
});
after(async () => {
  await t.close();
  await receiver.close();
});

/** The stablecoin guide's request shape: merchant + storer + card_creator for a Mexican business. */
const stablecoinAccount = {
  contact_email: "ops@tienda.mx",
  display_name: "Tienda Rosen",
  dashboard: "none",
  identity: {
    country: "mx",
    entity_type: "individual",
    individual: {
      given_name: "Ana",
      surname: "Rosen",
      email: "ana@tienda.mx",
      phone: "+525555555555",
      date_of_birth: { day: 1, month: 1, year: 1990 },
      address: { line1: "Av. Reforma 1", city: "CDMX", postal_code: "06600", country: "mx" },
      id_numbers: [{ type: "mx_rfc", value: "ROAA900101XXX" }],
    },
  },
  defaults: {
    currency: "usd",
    responsibilities: { fees_collector: "application", losses_collector: "application" },
    profile: { business_url: "https://tienda.mx" },
  },
  configuration: {
    merchant: { capabilities: { card_payments: { requested: true } } },
    storer: {
      capabilities: {
        holds_currencies: { usdc: { requested: true } },
        outbound_transfers: { crypto_wallets: { requested: true } },
      },
    },
    card_creator: { capabilities: { commercial: { lead: { prepaid_card: { requested: true } } } } },
  },
  include: ["configuration.storer", "configuration.card_creator", "requirements", "identity"],
};

test("v2 accounts: stablecoin configurations, include[], requirements, capability statuses and thin events", async () => {
  const created = (await t.stripe.rawRequest(
    "POST",
    "/v2/core/accounts",
    stablecoinAccount,
    PREVIEW,
  )) as unknown as V2Account;
  assert.equal(created.object, "v2.core.account");
  assert.match(created.id, /^acct_/);
  assert.deepEqual(created.applied_configurations, ["merchant", "storer", "card_creator"]);
  assert.match(created.created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  assert.equal(created.configuration.storer.capabilities.holds_currencies.usdc.status, "restricted");
  assert.deepEqual(
    created.requirements.entries.map((e: { description: string }) => e.description),
    ["identity.attestations.terms_of_service.account"],
  );
  assert.equal(created.identity.individual.given_name, "Ana");
  assert.equal(created.defaults, undefined, "absent unless included");

  const update = {
    identity: {
      attestations: { terms_of_service: { account: { date: "2026-01-01T00:00:00.000Z", ip: "127.0.0.1" } } },
    },
    include: ["configuration.storer", "configuration.card_creator", "requirements"],
  };
  const updated = (await t.stripe.rawRequest(
    "POST",
    `/v2/core/accounts/${created.id}`,
    update,
    PREVIEW,
  )) as unknown as V2Account;
  assert.deepEqual(updated.requirements.entries, []);
  assert.equal(updated.configuration.storer.capabilities.holds_currencies.usdc.status, "pending");
  let storer = "pending";
  const start = Date.now();
  while (storer !== "active" && Date.now() - start < 3000) {
    const got = await t.stripe.v2.core.accounts.retrieve(created.id, { include: ["configuration.merchant"] });
    assert.equal(got.id, created.id);
    const raw = (await t.stripe.rawRequest(
      "GET",
      `/v2/core/accounts/${created.id}?include[0]=configuration.storer`,
      {},
      PREVIEW,
    )) as unknown as V2Account;
    storer = raw.configuration.storer.capabilities.outbound_transfers.crypto_wallets.status;
  }
  assert.equal(storer, "active");

  const types = await waitFor(
    () => {
      const ts = receiver.received
        .map((r) => JSON.parse(r.body) as { object: string; type: string; related_object?: { id: string } })
        .filter((e) => e.object === "v2.core.event" && e.related_object?.id === created.id)
        .map((e) => e.type);
      return ts.includes("v2.core.account[configuration.storer].capability_status_updated") && ts.length >= 3 && ts;
    },
    3000,
    "thin events",
  );
  assert.ok(types.includes("v2.core.account.created"));
  assert.ok(types.includes("v2.core.account[requirements].updated"));
  const delivered = receiver.received.find((r) => r.body.includes('"v2.core.account.created"'));
  assert.ok(delivered);
  const notification = t.stripe.parseEventNotification(delivered.body, delivered.signature, SECRET);
  const full = await t.stripe.v2.core.events.retrieve(notification.id);
  assert.equal(full.type, "v2.core.account.created");
  assert.equal(
    (full as unknown as { related_object: { url: string } }).related_object.url,
    `/v2/core/accounts/${created.id}`,
  );
});

test("storer and card_creator only for mx/ar; unknown fields are rejected; lists page through the SDK", async () => {
  const us = { ...stablecoinAccount, identity: { ...stablecoinAccount.identity, country: "us" } };
  await assert.rejects(
    t.stripe.rawRequest("POST", "/v2/core/accounts", us, PREVIEW),
    (e: Stripe.errors.StripeError) =>
      e instanceof Stripe.errors.StripeInvalidRequestError && e.message.includes("storer"),
  );
  await assert.rejects(
    t.stripe.v2.core.accounts.create({ display_name: "x", bogus: 1 } as unknown as Stripe.V2.Core.AccountCreateParams),
    (e: Stripe.errors.StripeError) => e instanceof Stripe.errors.StripeInvalidRequestError,
  );
  const ids = new Set<string>();
  for (let i = 0; i < 5; i++)
    ids.add(
      (
        await t.stripe.v2.core.accounts.create({
          display_name: `Merchant ${i}`,
          configuration: { merchant: { capabilities: { card_payments: { requested: true } } } },
        })
      ).id,
    );
  const seen: string[] = [];
  for await (const a of t.stripe.v2.core.accounts.list({ limit: 2 })) seen.push(a.id);
  assert.equal(new Set(seen).size, seen.length, "no duplicates across pages");
  for (const id of ids) assert.ok(seen.includes(id));
  await assert.rejects(
    t.stripe.v2.core.accounts.retrieve("acct_nope"),
    (e: Stripe.errors.StripeError) => e.statusCode === 404,
  );
});

test("closing a v2 account names every configuration it has: omitted or under-named is refused, all of them closes it", async () => {
  const acct = (await t.stripe.rawRequest(
    "POST",
    "/v2/core/accounts",
    { ...stablecoinAccount, include: [] },
    PREVIEW,
  )) as V2Account;
  assert.deepEqual([...acct.applied_configurations].sort(), ["card_creator", "merchant", "storer"]);
  const close = (body: Record<string, unknown>) =>
    t.stripe
      .rawRequest("POST", `/v2/core/accounts/${acct.id}/close`, body, PREVIEW)
      .catch((e: Stripe.errors.StripeError) => e);
  for (const [body, why] of [
    [{}, "omitted"],
    [{ applied_configurations: ["merchant", "storer"] }, "under-named"],
    [{ applied_configurations: ["merchant", "storer", "card_creator", "recipient"] }, "one it does not have"],
  ] as const) {
    const e = (await close(body)) as Stripe.errors.StripeError;
    assert.ok(e instanceof Stripe.errors.StripeInvalidRequestError, why);
    assert.deepEqual([e.statusCode, e.code, e.param], [400, "invalid_fields", "applied_configurations"], why);
    assert.match(e.message, /applied_configurations must name every configuration/);
  }
  assert.equal(
    ((await t.stripe.rawRequest("GET", `/v2/core/accounts/${acct.id}`, {}, PREVIEW)) as V2Account).closed,
    false,
    "a refused close changes nothing",
  );
  const closed = (await t.stripe.rawRequest(
    "POST",
    `/v2/core/accounts/${acct.id}/close`,
    { applied_configurations: ["storer", "merchant", "card_creator"] },
    PREVIEW,
  )) as V2Account;
  assert.equal(closed.closed, true);
  // An account with no configurations (created through v1) closes with none named.
  const bare = await t.stripe.accounts.create({
    type: "custom",
    country: "US",
    capabilities: { transfers: { requested: true } },
  });
  assert.equal(
    ((await t.stripe.rawRequest("POST", `/v2/core/accounts/${bare.id}/close`, {}, PREVIEW)) as V2Account).closed,
    true,
  );
});
