import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import Stripe from "stripe";
import { customAccountParams, sdk, startTestSandbox, type TestSandbox } from "../test-helpers";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox();
});
after(() => t.close());

test("an unknown parameter is a StripeInvalidRequestError naming the parameter", async () => {
  await assert.rejects(
    t.stripe.accounts.create({
      ...customAccountParams,
      capabilities: { card_issuing: { requested: true }, nope: { requested: true } },
    } as Stripe.AccountCreateParams),
    (e: Stripe.errors.StripeError) =>
      e instanceof Stripe.errors.StripeInvalidRequestError &&
      e.param === "capabilities[nope]" &&
      e.code === "parameter_unknown" &&
      e.statusCode === 400,
  );
  await assert.rejects(
    t.stripe.webhookEndpoints.create({ url: "https://example.com/hook" } as Stripe.WebhookEndpointCreateParams),
    (e: Stripe.errors.StripeError) => e.code === "parameter_missing" && e.param === "enabled_events",
  );
  await assert.rejects(
    t.stripe.accounts.create({
      country: "US",
      controller: { stripe_dashboard: { type: "sideways" } },
    } as unknown as Stripe.AccountCreateParams),
    (e: Stripe.errors.StripeError) => e.param === "controller[stripe_dashboard][type]",
  );
});

test("bad keys get 401, the version is echoed and every answer has a request id", async () => {
  const bad = new Stripe("sk_live_nope", { host: "127.0.0.1", port: t.sandbox.port, protocol: "http" });
  await assert.rejects(
    bad.accounts.list(),
    (e: Stripe.errors.StripeError) => e instanceof Stripe.errors.StripeAuthenticationError && e.statusCode === 401,
  );
  const list = await t.stripe.accounts.list({ limit: 1 });
  assert.match(list.lastResponse.requestId, /^req_/);
  assert.equal(list.lastResponse.apiVersion, "2026-10-28.endive");
  const res = await fetch(`${t.url}/v1/accounts`, {
    headers: { authorization: "Bearer sk_test_123", "stripe-version": "2025-01-01" },
  });
  assert.equal(res.headers.get("stripe-version"), "2025-01-01");
  const notFound = await t.stripe.accounts.retrieve("acct_missing").catch((e: Stripe.errors.StripeError) => e);
  assert.ok(notFound instanceof Stripe.errors.StripeInvalidRequestError);
  assert.equal(notFound.statusCode, 404);
  assert.equal(notFound.code, "resource_missing");
});

test("a replayed idempotent request returns the identical body; other params are an idempotency error", async () => {
  const key = `key-${Date.now()}`;
  const first = await t.stripe.accounts.create(customAccountParams, { idempotencyKey: key });
  const again = await t.stripe.accounts.create(customAccountParams, { idempotencyKey: key });
  assert.equal(again.id, first.id);
  const strip = ({ lastResponse: _r, ...rest }: Stripe.Response<Stripe.Account>) => (void _r, rest);
  assert.deepEqual(strip(again), strip(first));
  assert.equal(again.lastResponse.headers["idempotent-replayed"], "true");
  const raw1 = await rawPost("/v1/webhook_endpoints", "url=https%3A%2F%2Fexample.com&enabled_events[0]=*", "raw-key");
  const raw2 = await rawPost("/v1/webhook_endpoints", "url=https%3A%2F%2Fexample.com&enabled_events[0]=*", "raw-key");
  assert.equal(raw2, raw1, "replay is byte for byte");
  await assert.rejects(
    t.stripe.accounts.create({ ...customAccountParams, email: "other@example.com" }, { idempotencyKey: key }),
    (e: Stripe.errors.StripeError) => e instanceof Stripe.errors.StripeIdempotencyError && e.statusCode === 400,
  );
  // Keys are scoped by account: the same key acting as a connected account is a new request.
  const scoped = await t.stripe.webhookEndpoints.create(
    { url: "https://example.com/x", enabled_events: ["*"] },
    { idempotencyKey: key, stripeAccount: first.id },
  );
  assert.match(scoped.id, /^we_/);
});

test("a key still in flight gets 409; with the SDK's retries every caller sees the one result", async () => {
  const key = `race-${Date.now()}`;
  const body = "url=https%3A%2F%2Fexample.com%2Fslow&enabled_events[0]=*";
  // A request whose body is still uploading holds the key.
  const slow = request(`${t.url}/v1/webhook_endpoints`, {
    method: "POST",
    headers: {
      authorization: "Bearer sk_test_slow",
      "content-type": "application/x-www-form-urlencoded",
      "idempotency-key": key,
      "content-length": String(body.length),
    },
  });
  const slowDone = new Promise<string>((resolve) =>
    slow.on("response", (res) => {
      let s = "";
      res.on("data", (c: Buffer) => (s += c.toString()));
      res.on("end", () => resolve(s));
    }),
  );
  slow.write(body.slice(0, 10));
  await new Promise((r) => setTimeout(r, 50));
  const noRetry = sdk(t.sandbox.port, { maxNetworkRetries: 0 });
  const params = {
    url: "https://example.com/slow",
    enabled_events: ["*"] as Stripe.WebhookEndpointCreateParams.EnabledEvent[],
  };
  await assert.rejects(
    noRetry.webhookEndpoints.create(params, { idempotencyKey: key }),
    (e: Stripe.errors.StripeError) =>
      e.statusCode === 409 && e.rawType === "idempotency_error" && e.code === "idempotency_key_in_use",
  );
  slow.end(body.slice(10));
  const first = JSON.parse(await slowDone) as Stripe.WebhookEndpoint;
  const replay = await noRetry.webhookEndpoints.create(params, { idempotencyKey: key });
  assert.equal(replay.id, first.id);
  const many = await Promise.all(
    Array.from({ length: 4 }, () => t.stripe.accounts.create(customAccountParams, { idempotencyKey: `${key}-b` })),
  );
  assert.equal(new Set(many.map((a) => a.id)).size, 1);
});

test("another account's object is a 404; an unknown Stripe-Account is refused", async () => {
  const a = await t.stripe.accounts.create(customAccountParams);
  const b = await t.stripe.accounts.create(customAccountParams);
  const hook = await t.stripe.webhookEndpoints.create(
    { url: "https://example.com/a", enabled_events: ["*"] },
    { stripeAccount: a.id },
  );
  assert.equal((await t.stripe.webhookEndpoints.retrieve(hook.id, {}, { stripeAccount: a.id })).id, hook.id);
  for (const opts of [{ stripeAccount: b.id }, {}]) {
    await assert.rejects(
      t.stripe.webhookEndpoints.retrieve(hook.id, {}, opts),
      (e: Stripe.errors.StripeError) => e.statusCode === 404 && e.code === "resource_missing",
    );
  }
  await assert.rejects(
    t.stripe.accounts.retrieve(a.id, {}, { stripeAccount: b.id }),
    (e: Stripe.errors.StripeError) => e.statusCode === 404,
  );
  await assert.rejects(
    t.stripe.webhookEndpoints.list({}, { stripeAccount: "acct_unknown" }),
    (e: Stripe.errors.StripeError) => e instanceof Stripe.errors.StripePermissionError,
  );
});

test("lists page newest first; autoPagingEach sees 250 objects exactly once", async () => {
  const fresh = await startTestSandbox();
  try {
    const created: string[] = [];
    for (let i = 0; i < 250; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, (_, j) =>
          fresh.stripe.webhookEndpoints.create({ url: `https://example.com/${i + j}`, enabled_events: ["*"] }),
        ),
      );
      created.push(...batch.map((w) => w.id));
    }
    const seen: string[] = [];
    await fresh.stripe.webhookEndpoints.list({ limit: 7 }).autoPagingEach((w) => {
      seen.push(w.id);
    });
    assert.equal(seen.length, 250);
    assert.equal(new Set(seen).size, 250);
    assert.deepEqual(new Set(seen), new Set(created));
    const page = await fresh.stripe.webhookEndpoints.list({ limit: 3 });
    assert.equal(page.object, "list");
    assert.equal(page.url, "/v1/webhook_endpoints");
    assert.equal(page.has_more, true);
    assert.deepEqual(
      page.data.map((w) => w.id),
      seen.slice(0, 3),
    );
    const back = await fresh.stripe.webhookEndpoints.list({ limit: 2, ending_before: seen[5] });
    assert.deepEqual(
      back.data.map((w) => w.id),
      seen.slice(3, 5),
    );
    // `created` filters only where Stripe has them: accounts yes, webhook endpoints no.
    const acct = await fresh.stripe.accounts.create({
      type: "custom",
      country: "US",
      capabilities: { transfers: { requested: true } },
    });
    const future = await fresh.stripe.accounts.list({ created: { gt: (acct.created ?? 0) + 3600 } });
    assert.equal(future.data.length, 0);
    const recent = await fresh.stripe.accounts.list({ created: { gte: acct.created ?? 0 }, limit: 100 });
    assert.deepEqual(
      recent.data.map((a) => a.id),
      [acct.id],
    );
    await assert.rejects(
      fresh.stripe.webhookEndpoints.list({ created: { gte: 0 } } as Stripe.WebhookEndpointListParams),
      (err: Stripe.errors.StripeError) => err.type === "StripeInvalidRequestError" && err.param === "created",
    );
  } finally {
    await fresh.close();
  }
});

test("expand[] replaces ids with objects, including inside lists with data.", async () => {
  const a = await t.stripe.accounts.create(customAccountParams);
  const cap = await t.stripe.accounts.retrieveCapability(a.id, "card_issuing", { expand: ["account"] });
  assert.equal((cap.account as Stripe.Account).id, a.id);
  const caps = await t.stripe.accounts.listCapabilities(a.id, { expand: ["data.account"] });
  assert.ok(caps.data.length >= 4);
  for (const c of caps.data) assert.equal((c.account as Stripe.Account).object, "account");
  await assert.rejects(
    t.stripe.accounts.retrieve(a.id, { expand: ["email"] }),
    (e: Stripe.errors.StripeError) => e.statusCode === 400,
  );
});

async function rawPost(path: string, body: string, key: string): Promise<string> {
  const res = await fetch(`${t.url}${path}`, {
    method: "POST",
    headers: {
      authorization: "Bearer sk_test_raw",
      "content-type": "application/x-www-form-urlencoded",
      "idempotency-key": key,
    },
    body,
  });
  return res.text();
}
