import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { describeEachDatabase } from "@/db/testing";
import type { Db } from "@/db/connect";
import type { Business } from "@/db/schema";
import { provisionStripeAccount } from "@/lib/businesses/provision";
import { startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";
import { newBusiness } from "@/testing/seeded-business";
import { v2Request } from "@/lib/stripe/v2";
import { closeAccount } from "./close";
import { onboardingLinkFor } from "./onboarding";
import { actors, testDeps } from "@/testing/admin-fixtures";

// The admin's onboarding-link and close actions against the sandbox, which refuses what Stripe
// refuses: a v1 Account Link for a v2 stablecoin account, a v2 close that does not name its configurations.
let sandbox: SandboxProcess;
before(async () => {
  sandbox = await startSandboxProcess();
});
after(async () => {
  await sandbox.stop();
});

async function business(db: Db, country: "US" | "MX"): Promise<Business> {
  const { business: b } = await newBusiness(db, country, `Closing ${country} ${randomUUID().slice(0, 6)}`);
  await provisionStripeAccount(db, sandbox.stripe, b);
  return b;
}

describeEachDatabase("admin account actions on v1 and v2 accounts", (database) => {
  test("the onboarding link is a v2 Account Link for an MX (v2) account and a v1 one for a US account; both open the hosted page", async () => {
    const { db } = database();
    const deps = testDeps(db, sandbox.stripe);
    for (const country of ["MX", "US"] as const) {
      const b = await business(db, country);
      const link = await onboardingLinkFor(deps, { businessId: b.id });
      assert.ok(link.ok, `${country}: ${JSON.stringify(link)}`);
      const page = await fetch(link.data.url, { redirect: "manual" });
      assert.equal(page.status, 200, country);
      assert.match(await page.text(), /Set up your account/);
    }
    // What a v1 link for the v2 account would get: refused, naming the way out.
    const mx = await business(db, "MX");
    const v1 = await sandbox.stripe.accountLinks
      .create({
        account: mx.stripeAccountId!,
        type: "account_onboarding",
        refresh_url: "http://localhost:3000/r",
        return_url: "http://localhost:3000/d",
      })
      .catch((e: Stripe.errors.StripeError) => e);
    assert.equal((v1 as Stripe.errors.StripeError).param, "account");
    assert.match((v1 as Stripe.errors.StripeError).message, /v2\/core\/account_links/);
  });

  test("closing an MX (v2) account names all its configurations; a US (v1) account is deleted", async () => {
    const { db } = database();
    const deps = testDeps(db, sandbox.stripe);
    const mx = await business(db, "MX");
    const { admin } = await actors(db, mx);
    const bare = await v2Request(sandbox.stripe, "POST", `/v2/core/accounts/${mx.stripeAccountId}/close`, {}).catch(
      (e: Stripe.errors.StripeError) => e,
    );
    assert.equal((bare as Stripe.errors.StripeError).param, "applied_configurations", "Stripe wants them named");
    const closed = await closeAccount(deps, admin.actor, { businessId: mx.id, confirmName: mx.legalName });
    assert.ok(closed.ok, JSON.stringify(closed));
    const account = await v2Request(sandbox.stripe, "GET", `/v2/core/accounts/${mx.stripeAccountId}`);
    assert.equal(account.closed, true);

    const us = await business(db, "US");
    const usClosed = await closeAccount(deps, admin.actor, { businessId: us.id, confirmName: us.legalName });
    assert.ok(usClosed.ok, JSON.stringify(usClosed));
    await assert.rejects(
      sandbox.stripe.accounts.retrieve(us.stripeAccountId!),
      (e: Stripe.errors.StripeError) => e.statusCode === 404 || e.code === "account_invalid",
    );
  });
});
