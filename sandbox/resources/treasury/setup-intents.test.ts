import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import Stripe from "stripe";
import { errorParts, startReceiver, startTestSandbox, waitFor, type TestSandbox } from "../../test-helpers";
import { encodeForm } from "../../elements/connect/internal-call";
import { treasuryAccount } from "./fixtures";

let t: TestSandbox;
let acct: string;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
  acct = await treasuryAccount(t.stripe);
});
after(() => t.close());

const bank = {
  type: "us_bank_account",
  us_bank_account: { routing_number: "110000000", account_number: "000123456789", account_holder_type: "company" },
  billing_details: { name: "Company Corp" },
} as const;
const mandate = {
  customer_acceptance: { type: "online", online: { ip_address: "127.0.0.1", user_agent: "test" } },
} as const;
const RETURN_URL_MESSAGE =
  /^A `return_url` must be specified because this Setup Intent is configured to automatically accept the payment methods enabled in the Dashboard/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- error and object bodies, read field by field
type Body = Record<string, any>;

/** A form-encoded request as curl sends it: no Stripe-Version unless given. */
async function raw(
  path: string,
  params: Record<string, unknown>,
  version?: string,
): Promise<{ status: number; version: string | null; body: Body }> {
  const headers: Record<string, string> = {
    authorization: "Bearer sk_test_versions",
    "stripe-account": acct,
    "content-type": "application/x-www-form-urlencoded",
  };
  if (version) headers["stripe-version"] = version;
  const res = await fetch(`${t.url}${path}`, { method: "POST", headers, body: encodeForm(params) });
  return {
    status: res.status,
    version: res.headers.get("stripe-version"),
    body: (await res.json()) as Body,
  };
}

test("at the pinned version (endive) payment_method_types is gone from SetupIntent create and update: parameter_unknown", async () => {
  const opts = { stripeAccount: acct };
  const created = await t.stripe.setupIntents
    .create({ payment_method_types: ["us_bank_account"] } as Stripe.SetupIntentCreateParams, opts)
    .catch((e: Stripe.errors.StripeError) => e);
  assert.deepEqual(errorParts(created), [
    400,
    "StripeInvalidRequestError",
    "parameter_unknown",
    "payment_method_types",
    "Received unknown parameter: payment_method_types",
  ]);
  const si = await t.stripe.setupIntents.create({ allowed_payment_method_types: ["us_bank_account"] }, opts);
  const updated = await t.stripe.setupIntents
    .update(si.id, { payment_method_types: ["us_bank_account"] } as Stripe.SetupIntentUpdateParams, opts)
    .catch((x: Stripe.errors.StripeError) => x);
  assert.deepEqual(
    [(updated as Stripe.errors.StripeError).code, (updated as Stripe.errors.StripeError).param],
    ["parameter_unknown", "payment_method_types"],
  );
  const explicit = await raw("/v1/setup_intents", { "payment_method_types[]": "us_bank_account" }, "2026-09-30.endive");
  assert.deepEqual(
    [explicit.status, explicit.body.error.code, explicit.version],
    [400, "parameter_unknown", "2026-09-30.endive"],
  );
});

test("confirming with automatic payment methods (no types named), redirects allowed and no return_url is refused with Stripe's error", async () => {
  const opts = { stripeAccount: acct };
  const refused = await t.stripe.setupIntents
    .create({ attach_to_self: true, confirm: true, payment_method_data: bank, mandate_data: mandate }, opts)
    .catch((e: Stripe.errors.StripeError) => e);
  const e = refused as Stripe.errors.StripeError;
  assert.ok(e instanceof Stripe.errors.StripeInvalidRequestError);
  assert.deepEqual([e.statusCode, e.code, e.param], [400, "parameter_missing", "return_url"]);
  assert.match(e.message, RETURN_URL_MESSAGE);
  // The same on /confirm of an unconfirmed SetupIntent, which answers automatic_payment_methods.
  const open = await t.stripe.setupIntents.create({ attach_to_self: true, payment_method_data: bank }, opts);
  assert.deepEqual(open.automatic_payment_methods, { allow_redirects: "always", enabled: true });
  assert.equal(open.allowed_payment_method_types, null);
  await assert.rejects(
    t.stripe.setupIntents.confirm(open.id, { mandate_data: mandate }, opts),
    (x: Stripe.errors.StripeError) => x.param === "return_url" && RETURN_URL_MESSAGE.test(x.message),
  );
  assert.equal(
    (await t.stripe.setupIntents.retrieve(open.id, {}, opts)).status,
    "requires_confirmation",
    "a refused confirm changes nothing",
  );

  // Each of Stripe's ways out works: a return_url, redirects never, or the types named.
  const withUrl = await t.stripe.setupIntents.confirm(
    open.id,
    { mandate_data: mandate, return_url: "https://example.com/back" },
    opts,
  );
  assert.equal(withUrl.status, "requires_action");
  const never = await t.stripe.setupIntents.create(
    {
      attach_to_self: true,
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
      payment_method_data: bank,
      mandate_data: mandate,
    },
    opts,
  );
  assert.equal(never.next_action?.type, "verify_with_microdeposits");
  const named = await t.stripe.setupIntents.create(
    {
      allowed_payment_method_types: ["us_bank_account"],
      attach_to_self: true,
      confirm: true,
      payment_method_data: bank,
      mandate_data: mandate,
    },
    opts,
  );
  assert.deepEqual(
    [named.status, named.allowed_payment_method_types, named.automatic_payment_methods],
    ["requires_action", ["us_bank_account"], null],
  );
  await assert.rejects(
    t.stripe.setupIntents.create(
      { allowed_payment_method_types: ["us_bank_account"], automatic_payment_methods: { enabled: true } },
      opts,
    ),
    (x: Stripe.errors.StripeError) => x.code === "parameters_exclusive" && x.param === "automatic_payment_methods",
  );
});

test("without Stripe-Version a request is served at the platform's default (2026-08-26.dahlia): payment_method_types is the allowed types, as the French guide sends it", async () => {
  const si = await raw("/v1/setup_intents", {
    attach_to_self: "true",
    "flow_directions[]": "inbound",
    "payment_method_types[]": "us_bank_account",
    payment_method_data: bank,
    confirm: "true",
    mandate_data: mandate,
  });
  assert.equal(si.status, 200, JSON.stringify(si.body));
  assert.equal(si.version, "2026-08-26.dahlia", "the version used is echoed");
  assert.deepEqual(
    [
      si.body.status,
      si.body.allowed_payment_method_types,
      si.body.payment_method_types,
      si.body.automatic_payment_methods,
    ],
    ["requires_action", ["us_bank_account"], ["us_bank_account"], null],
  );
  // Update at dahlia takes it too; both names at once are refused [stricter].
  const open = await raw("/v1/setup_intents", { "allowed_payment_method_types[]": "us_bank_account" });
  const updated = await raw(`/v1/setup_intents/${String(open.body.id)}`, {
    "payment_method_types[]": "us_bank_account",
    description: "Payroll account",
  });
  assert.deepEqual(
    [updated.status, updated.body.description, updated.body.allowed_payment_method_types],
    [200, "Payroll account", ["us_bank_account"]],
  );
  const both = await raw("/v1/setup_intents", {
    "payment_method_types[]": "us_bank_account",
    "allowed_payment_method_types[]": "us_bank_account",
  });
  assert.deepEqual([both.status, both.body.error.code], [400, "parameters_exclusive"]);
});

test("events are rendered at the platform's default version whatever the request's; an endpoint with its own api_version gets that one", async () => {
  const receiver = await startReceiver();
  const pinned = await t.stripe.webhookEndpoints.create({
    url: receiver.url,
    enabled_events: ["setup_intent.created"],
    connect: true,
    api_version: "2026-10-28.endive",
  });
  try {
    const si = await t.stripe.setupIntents.create(
      { allowed_payment_method_types: ["us_bank_account"] },
      { stripeAccount: acct },
    );
    const events = await t.stripe.events.list({ type: "setup_intent.created", limit: 5 }, { stripeAccount: acct });
    const stored = events.data.find((e) => (e.data.object as Stripe.SetupIntent).id === si.id);
    assert.equal(
      stored?.api_version,
      "2026-08-26.dahlia",
      "the request used endive; the event is rendered at the platform default",
    );
    const delivered = await waitFor(
      () =>
        receiver.received
          .map((r) => JSON.parse(r.body) as Stripe.Event)
          .find((e) => (e.data.object as Stripe.SetupIntent).id === si.id),
      5000,
      "delivery",
    );
    assert.equal(delivered.api_version, "2026-10-28.endive");
  } finally {
    await t.stripe.webhookEndpoints.del(pinned.id);
    await receiver.close();
  }
});
