import { test } from "node:test";
import assert from "node:assert/strict";
import { count, eq, inArray } from "drizzle-orm";
import Stripe from "stripe";
import type { Db } from "@/db/connect";
import { describeEachDatabase } from "@/db/testing";
import { authorizationDecisions, authorizations, businesses, connectedAccounts, stripeEvents } from "@/db/schema";
import { RulesCache, savePlatformRules, saveBusinessRules } from "@/lib/rules/rules-store";
import { EMPTY_RULES } from "@/lib/rules/engine";
import { applyAccountV2 } from "./read-models-v2";
import { handleAuthorizationRequest } from "./receive-authorization";
import { handleSnapshotEvent } from "./receive-snapshot";
import { handleThinEvent } from "./receive-thin";
import type { ReceiverDeps } from "./ingest";
import { account, authorization, event, nextId } from "@/testing/events";

const SECRET = "whsec_test_secret_for_ingest";
const RTA_SECRET = "whsec_test_secret_for_authorizations";
const THIN_SECRET = "whsec_test_secret_for_thin_events";
const stripe = new Stripe("sk_test_unused", {
  httpClient: Stripe.createFetchHttpClient(async () => new Response("{}", { status: 500 })),
  maxNetworkRetries: 0,
});

function signed(payload: unknown, opts: { secret?: string; timestamp?: number } = {}) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const header = stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret: opts.secret ?? SECRET,
    timestamp: opts.timestamp,
  });
  return { body, header };
}

describeEachDatabase("snapshot and real-time ingestion", (database) => {
  const deps = (db: Db): ReceiverDeps => ({ db, stripe, secret: SECRET });
  const rtaDeps = (db: Db, rules = new RulesCache(0)) => ({ db, stripe, secret: RTA_SECRET, rules });
  const countEvents = async (db: Db) => (await db.select({ n: count() }).from(stripeEvents))[0]?.n ?? 0;

  test("forged, tampered, stale and unsigned deliveries are refused and change nothing", async () => {
    const { db } = database();
    const e = event("account.updated", account({ id: "acct_forged" }));
    const forged = signed(e, { secret: "whsec_someone_else" });
    assert.equal((await handleSnapshotEvent(deps(db), forged.body, forged.header)).status, 400);
    const good = signed(e);
    const tampered = good.body.replace("acct_forged", "acct_hacked");
    assert.equal((await handleSnapshotEvent(deps(db), tampered, good.header)).status, 400);
    const stale = signed(e, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    assert.equal((await handleSnapshotEvent(deps(db), stale.body, stale.header)).status, 400);
    assert.equal((await handleSnapshotEvent(deps(db), good.body, null)).status, 400);
    assert.equal((await handleSnapshotEvent(deps(db), "not json", good.header)).status, 400);
    assert.equal(await countEvents(db), 0);
    assert.equal((await db.select().from(connectedAccounts)).length, 0);
  });

  test("the same event delivered five times is stored and applied once", async () => {
    const { db } = database();
    const e = event("account.updated", account({ id: "acct_five", email: "five@example.test" }));
    const results = [];
    for (let i = 0; i < 5; i++) {
      const d = signed(e);
      results.push(await handleSnapshotEvent(deps(db), d.body, d.header));
    }
    assert.deepEqual(
      results.map((r) => r.status),
      [200, 200, 200, 200, 200],
    );
    assert.deepEqual(
      results.map((r) => r.body.duplicate ?? false),
      [false, true, true, true, true],
    );
    const rows = await db.select().from(stripeEvents).where(eq(stripeEvents.id, e.id));
    assert.equal(rows.length, 1);
    assert.ok(rows[0]?.appliedAt);
    const [acct] = await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, "acct_five"));
    assert.equal(acct?.email, "five@example.test");
  });

  test("events delivered in reverse order leave the newest state", async () => {
    const { db } = database();
    const t = Math.floor(Date.now() / 1000);
    const older = event("account.updated", account({ id: "acct_order", capabilities: { card_issuing: "pending" } }), {
      created: t - 10,
    });
    const newer = event(
      "account.updated",
      account({
        id: "acct_order",
        capabilities: { card_issuing: "active" },
        requirements: {
          currently_due: [],
          past_due: [],
          eventually_due: [],
          disabled_reason: null,
        } as unknown as Stripe.Account.Requirements,
      }),
      { created: t },
    );
    for (const e of [newer, older]) {
      const d = signed(e);
      assert.equal((await handleSnapshotEvent(deps(db), d.body, d.header)).status, 200);
    }
    const [acct] = await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, "acct_order"));
    assert.deepEqual(acct?.capabilities, { card_issuing: "active" });
    assert.deepEqual(acct?.requirementsDue, []);
    const logged = await db
      .select({ id: stripeEvents.id })
      .from(stripeEvents)
      .where(inArray(stripeEvents.id, [older.id, newer.id]));
    assert.equal(logged.length, 2, "both events are kept in the log");
  });

  test("a created event delivered after a change made in the same second does not undo the change", async () => {
    const { db } = database();
    const t = Math.floor(Date.now() / 1000);
    const created = event("account.created", account({ id: "acct_same_second", email: "first@example.test" }), {
      created: t,
    });
    const updated = event("account.updated", account({ id: "acct_same_second", email: "changed@example.test" }), {
      created: t,
    });
    for (const e of [updated, created]) {
      const d = signed(e);
      assert.equal((await handleSnapshotEvent(deps(db), d.body, d.header)).status, 200);
    }
    const [acct] = await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, "acct_same_second"));
    assert.equal(acct?.email, "changed@example.test");
  });

  test("account events of one second delivered out of order end with the account as Stripe has it now", async () => {
    const { db } = database();
    const active = account({ id: "acct_burst", capabilities: { card_issuing: "active", treasury: "active" } });
    const live = new Stripe("sk_test_unused", {
      maxNetworkRetries: 0,
      httpClient: Stripe.createFetchHttpClient(async (url) =>
        String(url).includes("/v1/accounts/acct_burst")
          ? new Response(JSON.stringify(active))
          : new Response("{}", { status: 500 }),
      ),
    });
    const t = Math.floor(Date.now() / 1000);
    const pending = event(
      "account.updated",
      account({ id: "acct_burst", capabilities: { card_issuing: "pending", treasury: "pending" } }),
      { created: t },
    );
    const activated = event("account.updated", active, { created: t });
    for (const e of [activated, pending]) {
      const d = signed(e);
      assert.equal((await handleSnapshotEvent({ ...deps(db), stripe: live }, d.body, d.header)).status, 200);
    }
    const [acct] = await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, "acct_burst"));
    assert.deepEqual(acct?.capabilities, { card_issuing: "active", treasury: "active" });
  });

  test("a v1 account event about an account kept in its v2 view (opened through v2) does not replace that view, whatever the order", async () => {
    const { db } = database();
    await applyAccountV2(
      db,
      {
        id: "acct_v2_kept",
        object: "v2.core.account",
        display_name: "Tienda Renamed",
        contact_email: "ops@tienda.mx",
        identity: { country: "mx" },
        configuration: {},
        requirements: { entries: [] },
        created: new Date().toISOString(),
      },
      new Date(Date.now() - 60_000),
    );
    for (const e of [
      event("account.updated", account({ id: "acct_v2_kept", email: "v1@example.test" })),
      event("capability.updated", {
        id: "card_issuing",
        object: "capability",
        account: "acct_v2_kept",
        status: "active",
      }),
    ]) {
      const d = signed(e);
      assert.equal((await handleSnapshotEvent(deps(db), d.body, d.header)).status, 200);
    }
    const [row] = await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, "acct_v2_kept"));
    assert.deepEqual(
      [row?.api, row?.displayName, row?.email, row?.capabilities],
      ["v2", "Tienda Renamed", "ops@tienda.mx", {}],
    );
  });

  test("a delivery while the database is down is not acknowledged, and is applied when redelivered", async () => {
    const { db } = database();
    let down = true;
    const flaky = new Proxy(db, {
      get(target, prop, receiver) {
        if (down && (prop === "select" || prop === "insert" || prop === "transaction")) {
          return () => {
            throw Object.assign(new Error("Connection terminated unexpectedly"), { code: "57P01" });
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const e = event("account.updated", account({ id: "acct_outage" }));
    const original = console.error;
    console.error = () => {};
    try {
      const first = signed(e);
      assert.equal((await handleSnapshotEvent(deps(flaky), first.body, first.header)).status, 503);
    } finally {
      console.error = original;
    }
    down = false;
    assert.equal((await db.select().from(stripeEvents).where(eq(stripeEvents.id, e.id))).length, 0);
    const retry = signed(e);
    assert.equal((await handleSnapshotEvent(deps(flaky), retry.body, retry.header)).status, 200);
    assert.equal((await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, "acct_outage"))).length, 1);
  });

  test("real-time authorization: answered with the Stripe-Version header, decided by rules, logged once", async () => {
    const { db } = database();
    const rules = new RulesCache(60_000);
    const [biz] = await db
      .insert(businesses)
      .values({
        legalName: "Rta Co",
        country: "US",
        businessType: "company",
        fundingModel: "treasury",
        stripeAccountId: "acct_rta",
      })
      .returning();
    await savePlatformRules(db, { ...EMPTY_RULES, blockedCategories: ["gambling"] }, null, rules);
    await saveBusinessRules(db, biz!.id, { ...EMPTY_RULES, maxAmount: 5000 }, null, rules);

    const ask = async (auth: Stripe.Issuing.Authorization) => {
      const e = event("issuing_authorization.request", auth, { account: "acct_rta" });
      const d = signed(e, { secret: RTA_SECRET });
      return { e, result: await handleAuthorizationRequest(rtaDeps(db, rules), d.body, d.header) };
    };
    const taxi = await ask(authorization({ amount: 1200 }));
    assert.equal(taxi.result.status, 200);
    assert.deepEqual(taxi.result.body, { approved: true });
    assert.equal(taxi.result.headers?.["Stripe-Version"], "2026-10-28.endive");
    const casino = await ask(authorization({ amount: 1200, category: "gambling" }));
    assert.deepEqual(casino.result.body, { approved: false });
    const big = await ask(authorization({ amount: 9000 }));
    assert.deepEqual(big.result.body, { approved: false });

    const [casinoLog] = await db
      .select()
      .from(authorizationDecisions)
      .where(eq(authorizationDecisions.eventId, casino.e.id));
    assert.equal(casinoLog?.decidedBy, "platform");
    assert.equal(casinoLog?.rule, "blocked_category");
    assert.equal(casinoLog?.businessId, biz!.id);
    const [bigLog] = await db.select().from(authorizationDecisions).where(eq(authorizationDecisions.eventId, big.e.id));
    assert.equal(bigLog?.decidedBy, "business");
    assert.equal(bigLog?.rule, "max_amount");

    // A redelivered request gets the same answer and is logged once, even if rules changed since.
    await savePlatformRules(db, EMPTY_RULES, null, rules);
    const again = signed(casino.e, { secret: RTA_SECRET });
    assert.deepEqual((await handleAuthorizationRequest(rtaDeps(db, rules), again.body, again.header)).body, {
      approved: false,
    });
    assert.equal(
      (await db.select().from(authorizationDecisions).where(eq(authorizationDecisions.eventId, casino.e.id))).length,
      1,
    );
  });

  test("when the engine cannot decide in time it answers the configured fallback and logs it", async () => {
    const { db } = database();
    const stuck = new RulesCache(0);
    stuck.lastSettings = { fallback: "decline", budgetMs: 50 };
    stuck.forAccount = () => new Promise(() => {});
    const e = event("issuing_authorization.request", authorization({ amount: 100 }), { account: "acct_slow" });
    const d = signed(e, { secret: RTA_SECRET });
    const started = Date.now();
    const result = await handleAuthorizationRequest(rtaDeps(db, stuck), d.body, d.header);
    assert.ok(Date.now() - started < 1500);
    assert.deepEqual(result.body, { approved: false });
    const [log] = await db.select().from(authorizationDecisions).where(eq(authorizationDecisions.eventId, e.id));
    assert.equal(log?.decidedBy, "fallback");
    assert.match(log?.reason ?? "", /no decision within 50 ms/);
  });
});

describeEachDatabase("webhook ingestion with related objects", (database) => {
  test("an event whose related financial account Stripe won't return is still stored and applied", async () => {
    const { db } = database();
    // Stripe answers 404 for the v1 Treasury retrieve (the card spends from a v2 financial account).
    const notFound = new Stripe("sk_test_x", {
      httpClient: Stripe.createFetchHttpClient(
        async () =>
          new Response(
            JSON.stringify({
              error: { type: "invalid_request_error", code: "resource_missing", message: "No such financial account" },
            }),
            { status: 404 },
          ),
      ),
      maxNetworkRetries: 0,
    });
    const auth = authorization({ amount: 700 });
    (auth.card as unknown as { financial_account: string }).financial_account = "fa_test_v2_storage";
    const e = event("issuing_authorization.created", auth, { account: "acct_v2_spender" });
    const body = JSON.stringify(e);
    const header = notFound.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
    const result = await handleSnapshotEvent({ db, stripe: notFound, secret: SECRET }, body, header);
    assert.equal(result.status, 200);
    const [row] = await db.select().from(authorizations).where(eq(authorizations.id, auth.id));
    assert.equal(row?.accountId, "acct_v2_spender");
  });
});

describeEachDatabase("three receivers, three secrets", (database) => {
  const secrets = { authorizations: RTA_SECRET, snapshot: SECRET, thin: THIN_SECRET } as const;
  type Kind = keyof typeof secrets;
  const KINDS = Object.keys(secrets) as Kind[];
  const handle = (db: Db, kind: Kind, body: string, header: string) => {
    if (kind === "authorizations")
      return handleAuthorizationRequest(
        { db, stripe, secret: secrets.authorizations, rules: new RulesCache(0) },
        body,
        header,
      );
    if (kind === "snapshot") return handleSnapshotEvent({ db, stripe, secret: secrets.snapshot }, body, header);
    return handleThinEvent({ db, stripe, secret: secrets.thin }, body, header);
  };
  // One delivery of each kind, as Stripe sends it to that receiver. The thin one points at an
  // event destination (a ping), which the app stores without fetching anything.
  const payloads = (): Record<Kind, { id: string; body: string }> => {
    const request = event("issuing_authorization.request", authorization({ amount: 700 }), {
      account: "acct_three_receivers",
    });
    const snapshot = event("account.updated", account({ id: `acct_${nextId("x").slice(2)}` }));
    const thinId = nextId("evt_test");
    const thin = {
      id: thinId,
      object: "v2.core.event",
      type: "v2.core.event_destination.ping",
      created: new Date().toISOString(),
      livemode: false,
      related_object: {
        id: "ed_test_x",
        type: "v2.core.event_destination",
        url: "/v2/core/event_destinations/ed_test_x",
      },
      reason: null,
    };
    return {
      authorizations: { id: request.id, body: JSON.stringify(request) },
      snapshot: { id: snapshot.id, body: JSON.stringify(snapshot) },
      thin: { id: thinId, body: JSON.stringify(thin) },
    };
  };
  const stored = async (db: Db, id: string) =>
    (await db.select().from(stripeEvents).where(eq(stripeEvents.id, id))).length;

  test("the app's real-time, snapshot and thin receivers each refuse the others' signatures, and accept their own", async () => {
    const { db } = database();
    for (const receiver of KINDS) {
      for (const signer of KINDS) {
        const p = payloads()[receiver];
        const header = stripe.webhooks.generateTestHeaderString({ payload: p.body, secret: secrets[signer] });
        const result = await handle(db, receiver, p.body, header);
        if (signer === receiver) {
          assert.equal(result.status, 200, `${receiver} accepts its own secret: ${JSON.stringify(result.body)}`);
          assert.equal(await stored(db, p.id), 1, `${receiver} stored ${p.id}`);
        } else {
          assert.deepEqual(
            [result.status, result.body],
            [400, { error: "Invalid signature" }],
            `${receiver} refuses a delivery signed with the ${signer} secret`,
          );
          assert.equal(await stored(db, p.id), 0, `${receiver} stored nothing signed with the ${signer} secret`);
        }
      }
    }
    assert.equal(
      (
        await db
          .select()
          .from(authorizationDecisions)
          .where(eq(authorizationDecisions.accountId, "acct_three_receivers"))
      ).length,
      1,
      "only the request signed with the authorization secret was decided",
    );
  });

  test("each receiver takes only its kind, even correctly signed: a request is never answered by the snapshot receiver", async () => {
    const { db } = database();
    const decisionsBefore = (await db.select().from(authorizationDecisions)).length;
    for (const receiver of KINDS) {
      const all = payloads();
      for (const kind of KINDS) {
        if (kind === receiver) continue;
        const p = all[kind];
        const header = stripe.webhooks.generateTestHeaderString({ payload: p.body, secret: secrets[receiver] });
        const result = await handle(db, receiver, p.body, header);
        const what = `${kind} delivery to the ${receiver} receiver`;
        assert.equal(await stored(db, p.id), 0, `${what} is not stored`);
        assert.equal(result.body.approved, undefined, `${what} gets no decision`);
        if (receiver === "snapshot" && kind === "authorizations")
          assert.equal(result.status, 200, "a destination subscribed to the request is acknowledged, not answered");
        else if (receiver === "snapshot" && kind === "thin")
          assert.deepEqual(
            [result.status, result.body.ping],
            [200, true],
            "a ping of the snapshot destination is acknowledged",
          );
        else assert.equal(result.status, 400, what);
      }
    }
    const thinAccount = {
      id: nextId("evt_test"),
      object: "v2.core.event",
      type: "v2.core.account.updated",
      created: new Date().toISOString(),
      livemode: false,
      related_object: { id: "acct_x", type: "v2.core.account", url: "/v2/core/accounts/acct_x" },
    };
    const body = JSON.stringify(thinAccount);
    const refused = await handleSnapshotEvent(
      { db, stripe, secret: SECRET },
      body,
      stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET }),
    );
    assert.equal(refused.status, 400, "thin events other than a ping go to the thin receiver");
    assert.equal((await db.select().from(authorizationDecisions)).length, decisionsBefore, "nothing was decided");
  });

  test("the thin receiver verifies with parseEventNotification and stores each event once", async () => {
    const { db } = database();
    const p = payloads().thin;
    const results = [];
    for (let i = 0; i < 3; i++)
      results.push(
        await handleThinEvent(
          { db, stripe, secret: THIN_SECRET },
          p.body,
          stripe.webhooks.generateTestHeaderString({ payload: p.body, secret: THIN_SECRET }),
        ),
      );
    assert.deepEqual(
      results.map((r) => [r.status, r.body.duplicate ?? false]),
      [
        [200, false],
        [200, true],
        [200, true],
      ],
    );
    const [row] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, p.id));
    assert.deepEqual([row?.kind, row?.type, row?.objectId], ["thin", "v2.core.event_destination.ping", "ed_test_x"]);
    const tampered = p.body.replace("ed_test_x", "ed_test_y");
    assert.equal(
      (
        await handleThinEvent(
          { db, stripe, secret: THIN_SECRET },
          tampered,
          stripe.webhooks.generateTestHeaderString({ payload: p.body, secret: THIN_SECRET }),
        )
      ).status,
      400,
    );
  });
});
