import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "@/db/testing";
import { eq } from "drizzle-orm";
import { authorizationDecisions, businesses, stripeEvents } from "@/db/schema";
import { event, authorization } from "@/testing/events";
import { answerAuthorizationRequest } from "./authorize";
import { EMPTY_RULES } from "./engine";
import { businessRulesFormSchema } from "./rules-form";
import { loadRules, RulesCache, saveBusinessRules, saveDecisionSettings, savePlatformRules } from "./rules-store";

describeEachDatabase("rules store and decisions", (database) => {
  test("the cache serves saved rules and is invalidated the moment rules change", async () => {
    const { db } = database();
    const cache = new RulesCache(60_000);
    assert.deepEqual((await cache.forAccount(db, null)).platform, EMPTY_RULES);
    await savePlatformRules(db, { ...EMPTY_RULES, blockedCategories: ["bars"] }, null, cache);
    assert.deepEqual((await cache.forAccount(db, null)).platform.blockedCategories, ["bars"]);
    // A change made elsewhere (another instance) shows up once the TTL passes.
    const elsewhere = new RulesCache(60_000);
    await savePlatformRules(db, { ...EMPTY_RULES, blockedCategories: ["gambling"] }, null, elsewhere);
    assert.deepEqual((await cache.forAccount(db, null)).platform.blockedCategories, ["bars"]);
    assert.deepEqual((await cache.forAccount(db, null, Date.now() + 61_000)).platform.blockedCategories, ["gambling"]);
  });

  test("a business can't save rules that claim more than the platform allows", async () => {
    const { db } = database();
    const [biz] = await db
      .insert(businesses)
      .values({
        legalName: "Strict Co",
        country: "US",
        businessType: "company",
        fundingModel: "treasury",
        stripeAccountId: "acct_strict",
      })
      .returning();
    await savePlatformRules(db, { ...EMPTY_RULES, maxAmount: 10_000 }, null, new RulesCache());
    const refused = await saveBusinessRules(db, biz!.id, { ...EMPTY_RULES, maxAmount: 20_000 }, null, new RulesCache());
    assert.deepEqual(refused, { ok: false, problems: ["maxAmount: the platform's maximum is $100.00"] });
    assert.equal((await loadRules(db, "acct_strict")).business, null);
    assert.deepEqual(
      await saveBusinessRules(db, biz!.id, { ...EMPTY_RULES, maxAmount: 2_000 }, null, new RulesCache()),
      { ok: true },
    );
    assert.equal((await loadRules(db, "acct_strict")).business?.maxAmount, 2_000);
    assert.equal((await loadRules(db, "acct_strict")).businessId, biz!.id);
  });

  test("a UK business's maximum is in GBP and declines a GBP purchase above it", async () => {
    const { db } = database();
    const [biz] = await db
      .insert(businesses)
      .values({
        legalName: "Thames Ltd",
        country: "GB",
        businessType: "company",
        fundingModel: "issuing_balance",
        stripeAccountId: "acct_thames",
      })
      .returning();
    const cache = new RulesCache(0);
    // The platform's maximum is in USD; it neither refuses the GBP one nor applies to GBP purchases.
    await savePlatformRules(db, { ...EMPTY_RULES, maxAmount: 1_000 }, null, cache);
    const rules = businessRulesFormSchema(biz!).parse({ maxAmount: "12.50" });
    assert.deepEqual([rules.maxAmount, rules.currency], [1250, "gbp"]);
    assert.deepEqual(await saveBusinessRules(db, biz!.id, rules, null, cache), { ok: true });
    assert.equal((await loadRules(db, "acct_thames")).business?.currency, "gbp", "stored rules keep their currency");
    const ask = (amount: number) => {
      const auth = authorization({ card: "ic_thames", amount, country: "GB" });
      auth.currency = "gbp";
      auth.merchant_currency = "gbp";
      auth.pending_request!.currency = "gbp";
      return answerAuthorizationRequest(
        db,
        cache,
        event("issuing_authorization.request", auth, { account: "acct_thames" }),
      );
    };
    const above = await ask(1300);
    assert.equal(above.approved, false);
    assert.deepEqual([above.decision.decidedBy, above.decision.rule], ["business", "max_amount"]);
    assert.match(above.decision.reason, /£12\.50/);
    assert.equal((await ask(1250)).approved, true, "at the maximum is allowed");
  });

  test("an answered request is in the decision log at once, and its event reaches the event log just after", async () => {
    const { db } = database();
    const cache = new RulesCache(0);
    const request = event("issuing_authorization.request", authorization({ card: "ic_archived", amount: 700 }));
    const answer = await answerAuthorizationRequest(db, cache, request);
    assert.equal(answer.approved, true);
    const [logged] = await db
      .select()
      .from(authorizationDecisions)
      .where(eq(authorizationDecisions.eventId, request.id));
    assert.equal(logged?.approved, true);
    assert.equal(logged?.amount, 700);
    // The payload is written in the log's next event batch: wait for it (no timing is asserted).
    let stored: { payload: unknown }[] = [];
    for (let i = 0; i < 100 && stored.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      stored = await db
        .select({ payload: stripeEvents.payload })
        .from(stripeEvents)
        .where(eq(stripeEvents.id, request.id));
    }
    assert.deepEqual(stored[0]?.payload, JSON.parse(JSON.stringify(request)));
  });

  test("velocity counts approvals per card over a rolling hour, across the window edge", async () => {
    const { db } = database();
    const cache = new RulesCache(0);
    await savePlatformRules(db, { ...EMPTY_RULES, velocityPerHour: 3 }, null, cache);
    const t0 = Date.now();
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    const ask = (card: string, minutes: number) =>
      answerAuthorizationRequest(
        db,
        cache,
        event("issuing_authorization.request", authorization({ card, amount: 500 })),
        { now: at(minutes) },
      );
    for (const m of [0, 10, 20]) assert.equal((await ask("ic_velocity", m)).approved, true);
    const fourth = await ask("ic_velocity", 30);
    assert.equal(fourth.approved, false);
    assert.equal(fourth.decision.rule, "velocity");
    assert.equal((await ask("ic_other_card", 30)).approved, true, "another card has its own count");
    // At 60m+1s the approval at 0m has left the window: two remain, so one more is allowed.
    assert.equal((await ask("ic_velocity", 60.02)).approved, true);
    assert.equal((await ask("ic_velocity", 61)).approved, false);
  });

  test("the fallback setting decides what an engine failure answers", async () => {
    const { db } = database();
    const cache = new RulesCache(0);
    await saveDecisionSettings(db, { fallback: "approve", budgetMs: 500 }, cache);
    await cache.forAccount(db, null);
    const broken = Object.assign(Object.create(cache) as RulesCache, {
      forAccount: () => Promise.reject(new Error("rules table missing")),
    });
    const answer = await answerAuthorizationRequest(
      db,
      broken,
      event("issuing_authorization.request", authorization()),
    );
    assert.equal(answer.approved, true);
    assert.equal(answer.decision.decidedBy, "fallback");
    assert.match(answer.decision.reason, /rules table missing/);
  });
});
