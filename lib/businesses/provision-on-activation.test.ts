import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/connect";
import { businesses, users } from "@/db/schema";
import { liveStatus } from "@/lib/dashboard/live";
import { RulesCache } from "@/lib/rules/rules-store";
import { receiverServer, receiverSecrets, sandboxReceiverEnv, type ReceiverServer } from "@/testing/receivers";
import { until } from "@/testing/faults/helpers";
import { verifyUsCompany } from "@/testing/issuing-account";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { createBusiness, provisionStripeAccount } from "./provision";

// The financial account is created when the account's events report its activation, not when a
// page (GET /dashboard) renders: the render only reads. The app is "down" (503) until the render
// has happened, so no event can have provisioned anything before it.
const secrets = receiverSecrets("activation");
let sandbox: SandboxProcess;
let database: Database;
let receivers: ReceiverServer;
let appDown = true;

before(async () => {
  database = openDatabase({ dataDir: "memory://" });
  await database.migrate();
  receivers = await receiverServer({
    db: database.db,
    stripe: () => sandbox.stripe,
    secrets,
    rules: new RulesCache(0),
    intercept: () => (appDown ? { status: 503 } : null),
  });
  sandbox = await startSandboxProcess({
    ...sandboxReceiverEnv(receivers.urls, secrets),
    SANDBOX_WEBHOOK_RETRY_BASE_MS: "100",
    SANDBOX_TREASURY_ACTIVATION_DELAY_MS: "0",
  });
});

after(async () => {
  await sandbox.stop();
  await receivers.close();
  await database.close();
});

test("the dashboard's read of a newly active US account writes nothing; the account's events create its financial account once", async () => {
  const { db } = database;
  const [user] = await db
    .insert(users)
    .values({ email: "founder@activation.test", name: "F", passwordHash: "x" })
    .returning();
  const business = await createBusiness(
    db,
    { userId: user!.id, email: user!.email },
    { legalName: "Activation Inc.", country: "US", businessType: "company" },
  );
  const accountId = await provisionStripeAccount(db, sandbox.stripe, business);
  await verifyUsCompany(sandbox.stripe, accountId, "Activation Inc.");
  const financialAccountsInStripe = async () =>
    (await sandbox.stripe.treasury.financialAccounts.list({}, { stripeAccount: accountId })).data.map((f) => f.id);
  const storedFinancialAccount = async () =>
    (await db.select().from(businesses).where(eq(businesses.id, business.id)))[0]?.financialAccountId;

  const live = await liveStatus(business, sandbox.stripe);
  assert.equal(live?.state.canHoldMoney, true, "the render sees the account can hold money");
  assert.equal(await storedFinancialAccount(), null, "the render wrote nothing");
  assert.deepEqual(await financialAccountsInStripe(), [], "nor created anything in Stripe");

  appDown = false;
  const id = await until("the financial account from the account's events", storedFinancialAccount);
  assert.deepEqual(await financialAccountsInStripe(), [id], "one financial account, however many events arrived");
});
