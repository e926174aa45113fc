import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import Stripe from "stripe";
import { describeEachDatabase } from "@/db/testing";
import { users } from "@/db/schema";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { createBusiness, ensureFinancialAccount, onboardingState, provisionStripeAccount } from "./provision";

let sandbox: SandboxProcess;
before(async () => {
  sandbox = await startSandboxProcess();
});
after(async () => {
  await sandbox.stop();
});

/** A client whose first `failures` requests die in flight after reaching the server (like a dropped connection). */
function flakyClient(base: Stripe, failures: number): Stripe {
  let left = failures;
  const u = new URL(sandbox.url);
  const http = Stripe.createFetchHttpClient(async (input, init) => {
    const res = await fetch(input, init);
    if (left-- > 0) throw new TypeError("network connection lost");
    return res;
  });
  void base;
  return new Stripe("sk_test_flaky", {
    host: u.hostname,
    port: Number(u.port),
    protocol: "http",
    httpClient: http,
    maxNetworkRetries: 0,
  });
}

describeEachDatabase("business provisioning", (database) => {
  test("a US business gets one Custom account even when the first attempt fails halfway", async () => {
    const { db } = database();
    const [user] = await db
      .insert(users)
      .values({ email: "founder@us.test", name: "F", passwordHash: "x" })
      .returning();
    const business = await createBusiness(
      db,
      { userId: user!.id, email: user!.email },
      { legalName: "Halfway Inc.", country: "US", businessType: "company" },
    );
    await assert.rejects(provisionStripeAccount(db, flakyClient(sandbox.stripe, 1), business));
    assert.equal(business.stripeAccountId, null);
    const before = (await sandbox.stripe.accounts.list({ limit: 100 })).data.length;
    const id = await provisionStripeAccount(db, sandbox.stripe, business);
    const again = await provisionStripeAccount(db, sandbox.stripe, business);
    assert.equal(again, id);
    const after = (await sandbox.stripe.accounts.list({ limit: 100 })).data;
    assert.equal(after.length, before, "the retry replayed the first request: no second account");
    const account = await sandbox.stripe.accounts.retrieve(id);
    assert.equal(account.controller?.requirement_collection, "application");
    assert.equal(account.capabilities?.treasury, "inactive");
    const state = await onboardingState(sandbox.stripe, business);
    assert.equal(state.status, "needs_details");
    assert.ok(state.due.length > 0);
    assert.equal(
      await ensureFinancialAccount(db, sandbox.stripe, business, state),
      null,
      "no financial account before onboarding",
    );
  });

  test("a Mexican business gets a v2 account with storer and card_creator", async () => {
    const { db } = database();
    const [user] = await db
      .insert(users)
      .values({ email: "founder@mx.test", name: "M", passwordHash: "x" })
      .returning();
    const business = await createBusiness(
      db,
      { userId: user!.id, email: user!.email },
      { legalName: "Tienda Uno", country: "MX", businessType: "company" },
    );
    assert.equal(business.fundingModel, "stablecoin");
    const id = await provisionStripeAccount(db, sandbox.stripe, business);
    const state = await onboardingState(sandbox.stripe, business);
    assert.equal(state.canHoldMoney, false);
    assert.notEqual(state.status, "active");
    assert.match(id, /^acct_/);
  });
});
