import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import Stripe from "stripe";
import { customAccountParams, startReceiver, startTestSandbox, waitFor, type Received } from "../test-helpers";
import { CARDHOLDER } from "../resources/issuing/fixtures";
import { stablecoinAccount, v2, type Obj } from "../resources/money-management/fixtures";

const verifier = new Stripe("sk_test_verify");
const signedWith = (r: Received, secret: string) => {
  try {
    return verifier.webhooks.signature!.verifyHeader(r.body, r.signature, secret);
  } catch {
    return false;
  }
};
const refused = (status: number, pattern?: RegExp) => (e: Stripe.errors.StripeError) =>
  e.statusCode === status && (!pattern || pattern.test(e.message));
const snapshot = (url: string, extra: Obj = {}) => ({
  name: "Snapshot",
  type: "webhook_endpoint",
  event_payload: "snapshot",
  enabled_events: ["account.updated"],
  webhook_endpoint: { url },
  ...extra,
});

test("event destinations: create, retrieve, update, list, disable, enable, delete, with the URL and signing secret only where Stripe shows them", async () => {
  const t = await startTestSandbox();
  try {
    const created = await v2(
      t.stripe,
      "POST",
      "/v2/core/event_destinations",
      snapshot("https://example.com/a", {
        events_from: ["self", "other_accounts"],
        snapshot_api_version: "2026-10-28.endive",
        include: ["webhook_endpoint.signing_secret", "webhook_endpoint.url"],
      }),
    );
    assert.match(created.id, /^ed_test_\w{48}$/);
    assert.equal(created.object, "v2.core.event_destination");
    assert.deepEqual(
      [created.event_payload, created.status, created.type, created.snapshot_api_version],
      ["snapshot", "enabled", "webhook_endpoint", "2026-10-28.endive"],
    );
    assert.deepEqual(created.events_from, ["self", "other_accounts"]);
    assert.match(created.webhook_endpoint.signing_secret, /^whsec_\w{32}$/);
    assert.equal(created.webhook_endpoint.url, "https://example.com/a");
    const plain = await v2(t.stripe, "POST", "/v2/core/event_destinations", snapshot("https://example.com/b"));
    assert.deepEqual(plain.webhook_endpoint, {}, "without include[] neither the URL nor the secret is shown");
    assert.deepEqual(plain.events_from, ["self"]);
    assert.equal(plain.snapshot_api_version, undefined);

    const got = await v2(t.stripe, "GET", `/v2/core/event_destinations/${created.id}?include[0]=webhook_endpoint.url`);
    assert.deepEqual(
      got.webhook_endpoint,
      { url: "https://example.com/a" },
      "the secret is only in the create response",
    );
    await assert.rejects(
      v2(t.stripe, "GET", `/v2/core/event_destinations/${created.id}?include[0]=webhook_endpoint.signing_secret`),
      refused(400),
    );

    const updated = await v2(t.stripe, "POST", `/v2/core/event_destinations/${created.id}`, {
      enabled_events: ["account.updated", "capability.updated"],
      webhook_endpoint: { url: "https://example.com/a2" },
      include: ["webhook_endpoint.url"],
    });
    assert.deepEqual(updated.enabled_events, ["account.updated", "capability.updated"]);
    assert.equal(updated.webhook_endpoint.url, "https://example.com/a2");
    await assert.rejects(
      v2(t.stripe, "POST", `/v2/core/event_destinations/${created.id}`, { event_payload: "thin" }),
      refused(400),
      "the payload style is fixed at creation",
    );

    const page = await v2(t.stripe, "GET", "/v2/core/event_destinations?limit=1&include[0]=webhook_endpoint.url");
    assert.equal(page.data.length, 1);
    assert.equal(page.data[0].id, plain.id, "newest first");
    const next = await v2(t.stripe, "GET", page.next_page_url);
    assert.deepEqual(
      next.data.map((d: Obj) => [d.id, d.webhook_endpoint.url]),
      [[created.id, "https://example.com/a2"]],
      "the next page keeps include[]",
    );

    const disabled = await v2(t.stripe, "POST", `/v2/core/event_destinations/${created.id}/disable`);
    assert.deepEqual([disabled.status, disabled.status_details], ["disabled", { disabled: { reason: "user" } }]);
    const enabled = await v2(t.stripe, "POST", `/v2/core/event_destinations/${created.id}/enable`);
    assert.deepEqual([enabled.status, enabled.status_details], ["enabled", undefined]);

    const deleted = await t.stripe.rawRequest(
      "DELETE",
      `/v2/core/event_destinations/${plain.id}`,
      {},
      { apiVersion: "2025-12-15.preview" },
    );
    assert.deepEqual(
      { id: (deleted as unknown as Obj).id, object: (deleted as unknown as Obj).object },
      { id: plain.id, object: "v2.core.event_destination" },
    );
    await assert.rejects(v2(t.stripe, "GET", `/v2/core/event_destinations/${plain.id}`), refused(404));
    const account = await t.stripe.accounts.create(customAccountParams);
    await assert.rejects(
      v2(t.stripe, "GET", `/v2/core/event_destinations/${created.id}`, {}, account.id),
      refused(404),
      "a connected account does not see the platform's destinations",
    );
  } finally {
    await t.close();
  }
});

test("a destination takes one payload style: thin only v2 event types, snapshot only v1 ones, never `*`; thin events are unversioned", async () => {
  const t = await startTestSandbox();
  try {
    const url = { webhook_endpoint: { url: "https://example.com/x" } };
    const create = (body: Obj) =>
      v2(t.stripe, "POST", "/v2/core/event_destinations", { name: "x", type: "webhook_endpoint", ...url, ...body });
    await assert.rejects(
      create({ event_payload: "thin", enabled_events: ["account.updated"] }),
      refused(400, /not a thin event type/),
    );
    await assert.rejects(
      create({ event_payload: "snapshot", enabled_events: ["v2.core.account.created"] }),
      refused(400, /thin event/),
    );
    await assert.rejects(
      create({ event_payload: "snapshot", enabled_events: ["*"] }),
      refused(400, /explicit event types/),
    );
    await assert.rejects(
      create({
        event_payload: "thin",
        enabled_events: ["v2.core.account.created"],
        snapshot_api_version: "2026-10-28.endive",
      }),
      refused(400, /snapshot_api_version/),
    );
    await assert.rejects(
      create({ event_payload: "thin", enabled_events: ["v2.core.account.created"], events_from: ["@self"] }),
      refused(400),
      "the preview version names the scopes self and other_accounts",
    );
    await assert.rejects(
      create({
        event_payload: "thin",
        enabled_events: ["v2.core.account.created"],
        webhook_endpoint: { url: "not a url" },
      }),
      refused(400),
    );
    await assert.rejects(
      v2(t.stripe, "POST", "/v2/core/event_destinations", {
        name: "x",
        type: "webhook_endpoint",
        event_payload: "thin",
        enabled_events: ["v2.core.account.created"],
      }),
      refused(400, /webhook_endpoint.url/),
    );
    const thin = await create({ event_payload: "thin", enabled_events: ["v2.core.account.created"] });
    await assert.rejects(
      v2(t.stripe, "POST", `/v2/core/event_destinations/${thin.id}`, { enabled_events: ["account.updated"] }),
      refused(400, /not a thin event type/),
    );
  } finally {
    await t.close();
  }
});

test("deliveries: v1 events go to v1 endpoints and snapshot destinations, v2 events to thin destinations only, each scoped by events_from and signed with its own secret; ping reaches the one destination", async () => {
  const hooks = {
    connectEndpoint: await startReceiver(),
    snapshotSelf: await startReceiver(),
    snapshotConnected: await startReceiver(),
    thin: await startReceiver(),
    off: await startReceiver(),
  };
  const t = await startTestSandbox({ config: { verificationDelayMs: 10, treasuryActivationDelayMs: 10 } });
  try {
    const secrets: Record<string, string> = {};
    const we = await t.stripe.webhookEndpoints.create({
      url: hooks.connectEndpoint.url,
      enabled_events: ["*"],
      connect: true,
    });
    secrets.connectEndpoint = we.secret ?? "";
    const destination = async (name: keyof typeof hooks, body: Obj) => {
      const d = await v2(t.stripe, "POST", "/v2/core/event_destinations", {
        name,
        type: "webhook_endpoint",
        webhook_endpoint: { url: hooks[name].url },
        include: ["webhook_endpoint.signing_secret"],
        ...body,
      });
      secrets[name] = d.webhook_endpoint.signing_secret;
      return d;
    };
    const v1Types = ["account.updated", "issuing_cardholder.created"];
    await destination("snapshotSelf", { event_payload: "snapshot", events_from: ["self"], enabled_events: v1Types });
    await destination("snapshotConnected", {
      event_payload: "snapshot",
      events_from: ["other_accounts"],
      enabled_events: v1Types,
    });
    await destination("thin", {
      event_payload: "thin",
      events_from: ["self", "other_accounts"],
      enabled_events: ["v2.core.account.created", "v2.money_management.financial_account.created"],
    });
    const off = await destination("off", {
      event_payload: "thin",
      events_from: ["self", "other_accounts"],
      enabled_events: ["v2.core.account.created"],
    });
    await v2(t.stripe, "POST", `/v2/core/event_destinations/${off.id}/disable`);
    assert.equal(new Set(Object.values(secrets)).size, 5, "each receiver has its own secret");

    const connected = await t.stripe.accounts.create(customAccountParams);
    await t.stripe.accounts.update(connected.id, { metadata: { n: "1" } });
    const platformHolder = await t.stripe.issuing.cardholders.create(CARDHOLDER);
    const mx = await stablecoinAccount(t.stripe);
    const fa = await v2(
      t.stripe,
      "POST",
      "/v2/money_management/financial_accounts",
      { type: "storage", storage: { holds_currencies: ["usdc"] } },
      mx,
    );

    const bodies = (name: keyof typeof hooks) => hooks[name].received.map((r) => JSON.parse(r.body) as Obj);
    await waitFor(
      () =>
        bodies("thin").some((e) => e.related_object?.id === fa.id) &&
        bodies("snapshotSelf").some((e) => e.data?.object?.id === platformHolder.id),
      5000,
      "deliveries",
    );
    await waitFor(() => t.sandbox.kernel.store.table("deliveries").size === 0, 5000, "every delivery done");

    for (const [name, hook] of Object.entries(hooks))
      for (const r of hook.received)
        assert.ok(signedWith(r, secrets[name] ?? ""), `${name} deliveries are signed with its own secret`);
    assert.ok(bodies("snapshotConnected").some((e) => e.type === "account.updated" && e.account === connected.id));
    assert.ok(
      bodies("snapshotConnected").every((e) => e.object === "event" && e.account),
      "other_accounts: connected accounts' v1 events only",
    );
    assert.ok(
      bodies("snapshotSelf").every((e) => e.object === "event" && !e.account),
      "self: the platform's own v1 events only",
    );
    assert.ok(
      bodies("connectEndpoint").every((e) => e.object === "event" && e.account),
      "a v1 Connect endpoint gets connected accounts' v1 events and never a thin event",
    );
    assert.ok(bodies("connectEndpoint").some((e) => e.type === "account.updated" && e.account === connected.id));
    const thin = bodies("thin");
    assert.ok(
      thin.every((e) => e.object === "v2.core.event" && e.data === undefined),
      "thin destinations get thin payloads only",
    );
    assert.ok(
      thin.some((e) => e.type === "v2.core.account.created" && e.related_object.id === mx && e.context === undefined),
      "v2 account events come from the platform",
    );
    assert.ok(
      thin.some((e) => e.type === "v2.money_management.financial_account.created" && e.context === mx),
      "money events from the connected account",
    );
    assert.equal(hooks.off.received.length, 0, "a disabled destination gets nothing");

    const ping = await v2(t.stripe, "POST", `/v2/core/event_destinations/${off.id}/ping`);
    assert.equal(ping.type, "v2.core.event_destination.ping");
    assert.deepEqual(ping.related_object, {
      id: off.id,
      type: "v2.core.event_destination",
      url: `/v2/core/event_destinations/${off.id}`,
    });
    await v2(t.stripe, "POST", `/v2/core/event_destinations/${off.id}/enable`);
    const pinged = await v2(t.stripe, "POST", `/v2/core/event_destinations/${off.id}/ping`);
    const got = await waitFor(() => hooks.off.received.find((r) => r.body.includes(pinged.id)), 3000, "ping");
    const note = verifier.parseEventNotification(got.body, got.signature, secrets.off ?? "");
    assert.equal(note.type, "v2.core.event_destination.ping");
    assert.equal(hooks.off.received.length, 1, "only the ping sent while enabled arrives");
    assert.ok(!bodies("thin").some((e) => e.id === pinged.id), "a ping goes to the destination pinged only");
  } finally {
    await t.close();
    for (const h of Object.values(hooks)) await h.close();
  }
});

test("start-up receivers: the real-time endpoint, a snapshot and a thin destination with their own secrets, ids stable across restarts, back after a reset", async () => {
  const snapshotHook = await startReceiver();
  const thinHook = await startReceiver();
  const receivers = {
    rta: { url: "http://127.0.0.1:9/rta", secret: "whsec_startup_rta_0001" },
    snapshot: { url: snapshotHook.url, secret: "whsec_startup_snapshot_0001" },
    thin: { url: thinHook.url },
  };
  const first = await startTestSandbox(receivers);
  const dataDir = first.dataDir;
  const readReceivers = async (url: string) => (await (await fetch(`${url}/_sandbox/receivers`)).json()) as Obj;
  try {
    const r1 = await readReceivers(first.url);
    assert.deepEqual(r1.rta, receivers.rta);
    assert.equal(r1.snapshot.secret, receivers.snapshot.secret);
    assert.match(r1.thin.secret, /^whsec_\w{32}$/, "a thin secret Stripe would have generated");
    const listed = await v2(first.stripe, "GET", "/v2/core/event_destinations?include[0]=webhook_endpoint.url");
    const byPayload = Object.fromEntries(listed.data.map((d: Obj) => [d.event_payload, d]));
    assert.deepEqual(byPayload.snapshot.events_from, ["self", "other_accounts"]);
    assert.equal(byPayload.snapshot.snapshot_api_version, "2026-10-28.endive");
    assert.ok(
      byPayload.snapshot.enabled_events.includes("issuing_authorization.created") &&
        !byPayload.snapshot.enabled_events.includes("issuing_authorization.request"),
      "the real-time request goes to the authorization endpoint only",
    );
    assert.ok(byPayload.thin.enabled_events.includes("v2.core.account.created"));
    assert.ok(byPayload.thin.enabled_events.every((t: string) => t.startsWith("v2.")));
    assert.equal((await first.stripe.webhookEndpoints.list()).data.length, 0, "no v1 webhook endpoint");
    await first.sandbox.close();

    const second = await startTestSandbox({ ...receivers, dataDir });
    const r2 = await readReceivers(second.url);
    assert.deepEqual(
      [r2.snapshot.id, r2.thin.id, r2.thin.secret],
      [r1.snapshot.id, r1.thin.id, r1.thin.secret],
      "same ids and generated secret after a restart",
    );
    await fetch(`${second.url}/_sandbox/reset`, { method: "POST", body: "{}" });
    const r3 = await readReceivers(second.url);
    assert.equal(r3.snapshot.secret, receivers.snapshot.secret, "re-registered after a reset");
    assert.ok(r3.thin.id && r3.rta.url === receivers.rta.url);
    await second.sandbox.close();

    const third = await startTestSandbox({ snapshot: receivers.snapshot, dataDir });
    const r4 = await readReceivers(third.url);
    assert.deepEqual([r4.thin, r4.rta], [null, null], "a receiver whose flag is gone is removed");
    await third.sandbox.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await snapshotHook.close();
    await thinHook.close();
  }
});
