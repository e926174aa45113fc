import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/connect";
import { authorizationDecisions, authorizations, businesses } from "@/db/schema";
import { EMPTY_RULES } from "@/lib/rules/engine";
import { RulesCache, savePlatformRules } from "@/lib/rules/rules-store";
import { issuingAccountWithCards } from "@/lib/testing/issuing-account";
import { startSandboxProcess, type SandboxProcess } from "@/lib/testing/sandbox-process";
import { handleWebhook } from "./ingest";

// The whole loop without a browser: the sandbox asks our webhook route's handler to decide a
// purchase in real time, our rules decline it, and the events it sends back fill the read model.
const SECRET = "whsec_rta_integration_secret_value";
let sandbox: SandboxProcess;
let database: Database;
let server: Server;
const rules = new RulesCache(0);

before(async () => {
  database = openDatabase({ dataDir: "memory://" });
  await database.migrate();
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const result = await handleWebhook({ db: database.db, stripe: sandbox.stripe, secret: SECRET, rules }, Buffer.concat(chunks).toString("utf8"), String(req.headers["stripe-signature"] ?? ""));
    res.writeHead(result.status, { "content-type": "application/json", ...(result.headers ?? {}) });
    res.end(JSON.stringify(result.body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/stripe`;
  sandbox = await startSandboxProcess({ SANDBOX_WEBHOOK_URL: url, STRIPE_WEBHOOK_SECRET: SECRET, SANDBOX_WEBHOOK_RETRY_BASE_MS: "100" });
});

after(async () => {
  await sandbox.stop();
  await new Promise((r) => server.close(r));
  await database.close();
});

test("a purchase in a category the platform blocks is declined in real time, and the decline and its rule reach the read model", async () => {
  const { db } = database;
  const { account, cards } = await issuingAccountWithCards(sandbox.stripe, { balance: 100_000, cards: 1 });
  const card = cards[0]!;
  await db.insert(businesses).values({ legalName: "Rta Integration", country: "US", businessType: "individual", fundingModel: "issuing_balance", stripeAccountId: account });
  await savePlatformRules(db, { ...EMPTY_RULES, blockedCategories: ["betting_casino_gambling"] }, null, rules);

  const purchase = (category: "betting_casino_gambling" | "taxicabs_limousines") =>
    sandbox.stripe.testHelpers.issuing.authorizations.create({ card, amount: 2_500, currency: "usd", merchant_data: { category, country: "US", name: "Merchant" } }, { stripeAccount: account });
  const casino = await purchase("betting_casino_gambling");
  assert.equal(casino.approved, false);
  assert.equal(casino.request_history.at(-1)?.reason, "webhook_declined");
  const taxi = await purchase("taxicabs_limousines");
  assert.equal(taxi.approved, true);

  const [decision] = await db.select().from(authorizationDecisions).where(eq(authorizationDecisions.authorizationId, casino.id));
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
