import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/connect";
import { businesses, users } from "@/db/schema";
import { liveStatus } from "@/lib/dashboard/live";
import { deliveringSandbox, type DeliveringSandbox } from "@/testing/receivers";
import { until } from "@/testing/faults/helpers";
import { verifyUsCompany } from "@/testing/issuing-account";
import type { SandboxProcess } from "@/testing/sandbox-process";
import { createBusiness, provisionStripeAccount } from "./provision";

// The financial account is created when the account's events report its activation, not when a
// page (GET /dashboard) renders: the render only reads. The app is "down" (503) until the render
// has happened, so no event can have provisioned anything before it.
let app: DeliveringSandbox;
let sandbox: SandboxProcess;
let database: Database;
let appDown = true;

before(async () => {
  app = await deliveringSandbox("activation", {
    intercept: () => (appDown ? { status: 503 } : null),
    env: { SANDBOX_TREASURY_ACTIVATION_DELAY_MS: "0" },
  });
  ({ sandbox, database } = app);
});

after(() => app.stop());

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
  const accountId = await provisionStripeAccount(db, app.appStripe, business);
  await verifyUsCompany(sandbox.stripe, accountId, "Activation Inc.");
  const financialAccountsInStripe = async () =>
    (await sandbox.stripe.treasury.financialAccounts.list({}, { stripeAccount: accountId })).data.map((f) => f.id);
  const storedFinancialAccount = async () =>
    (await db.select().from(businesses).where(eq(businesses.id, business.id)))[0]?.financialAccountId;

  const live = await liveStatus(business, app.appStripe);
  assert.equal(live?.state.canHoldMoney, true, "the render sees the account can hold money");
  assert.equal(await storedFinancialAccount(), null, "the render wrote nothing");
  assert.deepEqual(await financialAccountsInStripe(), [], "nor created anything in Stripe");

  appDown = false;
  const id = await until("the financial account from the account's events", storedFinancialAccount);
  assert.deepEqual(await financialAccountsInStripe(), [id], "one financial account, however many events arrived");
});
