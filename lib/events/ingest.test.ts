import { test } from "node:test";
import assert from "node:assert/strict";
import { count, eq, inArray } from "drizzle-orm";
import Stripe from "stripe";
import type { Db } from "@/db/connect";
import { describeEachDatabase } from "@/db/testing";
import { authorizationDecisions, authorizations, businesses, connectedAccounts, stripeEvents } from "@/db/schema";
import { RulesCache, savePlatformRules, saveBusinessRules } from "@/lib/rules/rules-store";
import { EMPTY_RULES } from "@/lib/rules/engine";
import { handleWebhook } from "./ingest";
import { account, authorization, event } from "./test-events";

const SECRET = "whsec_test_secret_for_ingest";
const stripe = new Stripe("sk_test_unused", { httpClient: Stripe.createFetchHttpClient(async () => new Response("{}", { status: 500 })), maxNetworkRetries: 0 });

function signed(payload: unknown, opts: { secret?: string; timestamp?: number } = {}) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret: opts.secret ?? SECRET, timestamp: opts.timestamp });
  return { body, header };
}

describeEachDatabase("webhook ingestion", (database) => {
  const deps = (db: Db, rules = new RulesCache(0)) => ({ db, stripe, secret: SECRET, rules });
  const countEvents = async (db: Db) => (await db.select({ n: count() }).from(stripeEvents))[0]?.n ?? 0;

  test("forged, tampered, stale and unsigned deliveries are refused and change nothing", async () => {
    const { db } = database();
    const e = event("account.updated", account({ id: "acct_forged" }));
    const forged = signed(e, { secret: "whsec_someone_else" });
    assert.equal((await handleWebhook(deps(db), forged.body, forged.header)).status, 400);
    const good = signed(e);
    const tampered = good.body.replace("acct_forged", "acct_hacked");
    assert.equal((await handleWebhook(deps(db), tampered, good.header)).status, 400);
    const stale = signed(e, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    assert.equal((await handleWebhook(deps(db), stale.body, stale.header)).status, 400);
    assert.equal((await handleWebhook(deps(db), good.body, null)).status, 400);
    assert.equal((await handleWebhook(deps(db), "not json", good.header)).status, 400);
    assert.equal(await countEvents(db), 0);
    assert.equal((await db.select().from(connectedAccounts)).length, 0);
  });

  test("the same event delivered five times is stored and applied once", async () => {
    const { db } = database();
    const e = event("account.updated", account({ id: "acct_five", email: "five@example.test" }));
    const results = [];
    for (let i = 0; i < 5; i++) {
      const d = signed(e);
      results.push(await handleWebhook(deps(db), d.body, d.header));
    }
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200, 200, 200]);
    assert.deepEqual(results.map((r) => r.body.duplicate ?? false), [false, true, true, true, true]);
    const rows = await db.select().from(stripeEvents).where(eq(stripeEvents.id, e.id));
    assert.equal(rows.length, 1);
    assert.ok(rows[0]?.appliedAt);
    const [acct] = await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, "acct_five"));
    assert.equal(acct?.email, "five@example.test");
  });

  test("events delivered in reverse order leave the newest state", async () => {
    const { db } = database();
    const t = Math.floor(Date.now() / 1000);
    const older = event("account.updated", account({ id: "acct_order", capabilities: { card_issuing: "pending" } }), { created: t - 10 });
    const newer = event(
      "account.updated",
      account({ id: "acct_order", capabilities: { card_issuing: "active" }, requirements: { currently_due: [], past_due: [], eventually_due: [], disabled_reason: null } as unknown as Stripe.Account.Requirements }),
      { created: t },
    );
    for (const e of [newer, older]) {
      const d = signed(e);
      assert.equal((await handleWebhook(deps(db), d.body, d.header)).status, 200);
    }
    const [acct] = await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, "acct_order"));
    assert.deepEqual(acct?.capabilities, { card_issuing: "active" });
    assert.deepEqual(acct?.requirementsDue, []);
    const logged = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(inArray(stripeEvents.id, [older.id, newer.id]));
    assert.equal(logged.length, 2, "both events are kept in the log");
  });

  test("a created event delivered after a change made in the same second does not undo the change", async () => {
    const { db } = database();
    const t = Math.floor(Date.now() / 1000);
    const created = event("account.created", account({ id: "acct_same_second", email: "first@example.test" }), { created: t });
    const updated = event("account.updated", account({ id: "acct_same_second", email: "changed@example.test" }), { created: t });
    for (const e of [updated, created]) {
      const d = signed(e);
      assert.equal((await handleWebhook(deps(db), d.body, d.header)).status, 200);
    }
    const [acct] = await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, "acct_same_second"));
    assert.equal(acct?.email, "changed@example.test");
  });

  test("account events of one second delivered out of order end with the account as Stripe has it now", async () => {
    const { db } = database();
    const active = account({ id: "acct_burst", capabilities: { card_issuing: "active", treasury: "active" } });
    const live = new Stripe("sk_test_unused", {
      maxNetworkRetries: 0,
      httpClient: Stripe.createFetchHttpClient(async (url) => (String(url).includes("/v1/accounts/acct_burst") ? new Response(JSON.stringify(active)) : new Response("{}", { status: 500 }))),
    });
    const t = Math.floor(Date.now() / 1000);
    const pending = event("account.updated", account({ id: "acct_burst", capabilities: { card_issuing: "pending", treasury: "pending" } }), { created: t });
    const activated = event("account.updated", active, { created: t });
    for (const e of [activated, pending]) {
      const d = signed(e);
      assert.equal((await handleWebhook({ ...deps(db), stripe: live }, d.body, d.header)).status, 200);
    }
    const [acct] = await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, "acct_burst"));
    assert.deepEqual(acct?.capabilities, { card_issuing: "active", treasury: "active" });
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
      assert.equal((await handleWebhook(deps(flaky), first.body, first.header)).status, 503);
    } finally {
      console.error = original;
    }
    down = false;
    assert.equal((await db.select().from(stripeEvents).where(eq(stripeEvents.id, e.id))).length, 0);
    const retry = signed(e);
    assert.equal((await handleWebhook(deps(flaky), retry.body, retry.header)).status, 200);
    assert.equal((await db.select().from(connectedAccounts).where(eq(connectedAccounts.id, "acct_outage"))).length, 1);
  });

  test("real-time authorization: answered with the Stripe-Version header, decided by rules, logged once", async () => {
    const { db } = database();
    const rules = new RulesCache(60_000);
    const [biz] = await db.insert(businesses).values({ legalName: "Rta Co", country: "US", businessType: "company", fundingModel: "treasury", stripeAccountId: "acct_rta" }).returning();
    await savePlatformRules(db, { ...EMPTY_RULES, blockedCategories: ["gambling"] }, null, rules);
    await saveBusinessRules(db, biz!.id, { ...EMPTY_RULES, maxAmount: 5000 }, null, rules);

    const ask = async (auth: Stripe.Issuing.Authorization) => {
      const e = event("issuing_authorization.request", auth, { account: "acct_rta" });
      const d = signed(e);
      return { e, result: await handleWebhook(deps(db, rules), d.body, d.header) };
    };
    const taxi = await ask(authorization({ amount: 1200 }));
    assert.equal(taxi.result.status, 200);
    assert.deepEqual(taxi.result.body, { approved: true });
    assert.equal(taxi.result.headers?.["Stripe-Version"], "2026-10-28.endive");
    const casino = await ask(authorization({ amount: 1200, category: "gambling" }));
    assert.deepEqual(casino.result.body, { approved: false });
    const big = await ask(authorization({ amount: 9000 }));
    assert.deepEqual(big.result.body, { approved: false });

    const [casinoLog] = await db.select().from(authorizationDecisions).where(eq(authorizationDecisions.eventId, casino.e.id));
    assert.equal(casinoLog?.decidedBy, "platform");
    assert.equal(casinoLog?.rule, "blocked_category");
    assert.equal(casinoLog?.businessId, biz!.id);
    const [bigLog] = await db.select().from(authorizationDecisions).where(eq(authorizationDecisions.eventId, big.e.id));
    assert.equal(bigLog?.decidedBy, "business");
    assert.equal(bigLog?.rule, "max_amount");

    // A redelivered request gets the same answer and is logged once, even if rules changed since.
    await savePlatformRules(db, EMPTY_RULES, null, rules);
    const again = signed(casino.e);
    assert.deepEqual((await handleWebhook(deps(db, rules), again.body, again.header)).body, { approved: false });
    assert.equal((await db.select().from(authorizationDecisions).where(eq(authorizationDecisions.eventId, casino.e.id))).length, 1);
  });

  test("when the engine cannot decide in time it answers the configured fallback and logs it", async () => {
    const { db } = database();
    const stuck = new RulesCache(0);
    stuck.lastSettings = { fallback: "decline", budgetMs: 50 };
    stuck.forAccount = () => new Promise(() => {});
    const e = event("issuing_authorization.request", authorization({ amount: 100 }), { account: "acct_slow" });
    const d = signed(e);
    const started = Date.now();
    const result = await handleWebhook(deps(db, stuck), d.body, d.header);
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
      httpClient: Stripe.createFetchHttpClient(async () => new Response(JSON.stringify({ error: { type: "invalid_request_error", code: "resource_missing", message: "No such financial account" } }), { status: 404 })),
      maxNetworkRetries: 0,
    });
    const auth = authorization({ amount: 700 });
    (auth.card as unknown as { financial_account: string }).financial_account = "fa_test_v2_storage";
    const e = event("issuing_authorization.created", auth, { account: "acct_v2_spender" });
    const body = JSON.stringify(e);
    const header = notFound.webhooks.generateTestHeaderString({ payload: body, secret: SECRET });
    const result = await handleWebhook({ db, stripe: notFound, secret: SECRET, rules: new RulesCache(0) }, body, header);
    assert.equal(result.status, 200);
    const [row] = await db.select().from(authorizations).where(eq(authorizations.id, auth.id));
    assert.equal(row?.accountId, "acct_v2_spender");
  });
});
