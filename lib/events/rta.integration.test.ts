import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/connect";
import { authorizationDecisions, authorizations, businesses } from "@/db/schema";
import { EMPTY_RULES } from "@/lib/rules/engine";
import { RulesCache, savePlatformRules } from "@/lib/rules/rules-store";
import { issuingAccountWithCards } from "@/testing/issuing-account";
import { deliveringSandbox, type DeliveringSandbox } from "@/testing/receivers";
import type { SandboxProcess } from "@/testing/sandbox-process";

// The whole loop without a browser: the sandbox asks our real-time authorization receiver to
// decide a purchase, our rules decline it, and the events it sends to our snapshot receiver fill
// the read model. Each receiver has its own secret, as in Stripe.
let app: DeliveringSandbox;
let sandbox: SandboxProcess;
let database: Database;
const rules = new RulesCache(0);

before(async () => {
  app = await deliveringSandbox("rta_integration", { rules });
  ({ sandbox, database } = app);
});

after(() => app.stop());

test("a purchase in a category the platform blocks is declined in real time, and the decline and its rule reach the read model", async () => {
  const { db } = database;
  const { account, cards } = await issuingAccountWithCards(sandbox.stripe, { balance: 100_000, cards: 1 });
  const card = cards[0]!;
  await db.insert(businesses).values({
    legalName: "Rta Integration",
    country: "US",
    businessType: "individual",
    fundingModel: "issuing_balance",
    stripeAccountId: account,
  });
  await savePlatformRules(db, { ...EMPTY_RULES, blockedCategories: ["betting_casino_gambling"] }, null, rules);

  const purchase = (category: "betting_casino_gambling" | "taxicabs_limousines") =>
    sandbox.stripe.testHelpers.issuing.authorizations.create(
      { card, amount: 2_500, currency: "usd", merchant_data: { category, country: "US", name: "Merchant" } },
      { stripeAccount: account },
    );
  const casino = await purchase("betting_casino_gambling");
  assert.equal(casino.approved, false);
  assert.equal(casino.request_history.at(-1)?.reason, "webhook_declined");
  const taxi = await purchase("taxicabs_limousines");
  assert.equal(taxi.approved, true);

  const [decision] = await db
    .select()
    .from(authorizationDecisions)
    .where(eq(authorizationDecisions.authorizationId, casino.id));
  assert.equal(decision?.rule, "blocked_category");
  assert.equal(decision?.decidedBy, "platform");
  assert.ok((decision?.latencyMs ?? 9999) < 2000);

  // The authorization.created events arrive asynchronously and are applied to the read model.
  for (let i = 0; i < 100; i++) {
    const rows = await db.select().from(authorizations).where(eq(authorizations.accountId, account));
    if (rows.length === 2) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const [declined] = await db.select().from(authorizations).where(eq(authorizations.id, casino.id));
  assert.equal(declined?.approved, false);
  assert.equal(declined?.declineReason, "webhook_declined");
  assert.equal(declined?.merchantCategory, "betting_casino_gambling");
  const [approved] = await db.select().from(authorizations).where(eq(authorizations.id, taxi.id));
  assert.equal(approved?.approved, true);
});
