import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import Stripe from "stripe";
import {
  completeIndividual,
  customAccountParams,
  platformControlled,
  startTestSandbox,
  type TestSandbox,
} from "../../test-helpers";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ config: { verificationDelayMs: 30 } });
});
after(() => t.close());

test("a custom account with controller settings starts with requested capabilities inactive and requirements due", async () => {
  const a = await t.stripe.accounts.create(customAccountParams);
  assert.match(a.id, /^acct_/);
  assert.equal(a.object, "account");
  assert.equal(a.type, "custom");
  assert.deepEqual(a.controller, platformControlled);
  assert.deepEqual(a.capabilities, {
    card_issuing: "inactive",
    treasury: "inactive",
    transfers: "inactive",
    us_bank_account_ach_payments: "inactive",
  });
  const due = a.requirements?.currently_due ?? [];
  for (const r of [
    "business_type",
    "tos_acceptance.date",
    "external_account",
    "card_issuing.tos_acceptance.date",
    "treasury.tos_acceptance.ip",
  ])
    assert.ok(due.includes(r), r);
  assert.equal(a.requirements?.disabled_reason, "requirements.past_due");
  assert.equal(a.charges_enabled, false);
  assert.equal(a.details_submitted, false);
});

test("requirements shrink as fields arrive; capabilities go inactive → pending → active", async () => {
  const a = await t.stripe.accounts.create(customAccountParams);
  const partial = await t.stripe.accounts.update(a.id, {
    business_type: "individual",
    individual: { first_name: "Jenny" },
  });
  const due = partial.requirements?.currently_due ?? [];
  assert.ok(!due.includes("business_type"));
  assert.ok(!due.includes("individual.first_name"));
  assert.ok(due.includes("individual.last_name"));
  const done = await t.stripe.accounts.update(a.id, completeIndividual);
  assert.deepEqual(done.requirements?.currently_due, []);
  assert.equal(done.capabilities?.card_issuing, "pending");
  assert.equal(done.requirements?.disabled_reason, "requirements.pending_verification");
  assert.equal(done.individual?.ssn_last_4_provided, true);
  assert.equal(done.external_accounts?.data[0]?.object, "bank_account");
  const later = await pollUntil(
    () => t.stripe.accounts.retrieve(a.id),
    (x) => x.capabilities?.card_issuing === "active",
  );
  assert.deepEqual(later.capabilities, {
    card_issuing: "active",
    treasury: "active",
    transfers: "active",
    us_bank_account_ach_payments: "active",
  });
  assert.equal(later.payouts_enabled, true);
  assert.equal(later.requirements?.disabled_reason, null);
  const cap = await t.stripe.accounts.retrieveCapability(a.id, "treasury");
  assert.equal(cap.status, "active");
  assert.equal(cap.requested, true);
  const events = await t.stripe.events.list({ type: "capability.updated", limit: 100 }, { stripeAccount: a.id });
  const statuses = events.data
    .filter((e) => (e.data.object as Stripe.Capability).id === "card_issuing")
    .map((e) => (e.data.object as Stripe.Capability).status)
    .reverse();
  assert.deepEqual(statuses, ["inactive", "pending", "active"]);
});

test("the KYC control can reject or hold an account", async () => {
  const a = await t.stripe.accounts.create({
    ...customAccountParams,
    ...(completeIndividual as Stripe.AccountCreateParams),
  });
  const res = await fetch(`${t.url}/_sandbox/accounts/${a.id}/kyc`, {
    method: "POST",
    body: JSON.stringify({ outcome: "reject" }),
  });
  assert.equal(res.status, 200);
  const rejected = await t.stripe.accounts.retrieve(a.id);
  assert.equal(rejected.capabilities?.card_issuing, "inactive");
  assert.equal(rejected.requirements?.disabled_reason, "rejected.other");
  await fetch(`${t.url}/_sandbox/accounts/${a.id}/kyc`, {
    method: "POST",
    body: JSON.stringify({ outcome: "pending" }),
  });
  await new Promise((r) => setTimeout(r, 100));
  assert.equal((await t.stripe.accounts.retrieve(a.id)).capabilities?.card_issuing, "pending");
  await fetch(`${t.url}/_sandbox/accounts/${a.id}/kyc`, {
    method: "POST",
    body: JSON.stringify({ outcome: "approve" }),
  });
  await pollUntil(
    () => t.stripe.accounts.retrieve(a.id),
    (x) => x.capabilities?.card_issuing === "active",
  );
});

test("accounts list, delete, capability requests and metadata unsetting", async () => {
  const a = await t.stripe.accounts.create({ ...customAccountParams, metadata: { a: "1", b: "2" } });
  const updated = await t.stripe.accounts.update(a.id, { metadata: { a: "" } });
  assert.deepEqual(updated.metadata, { b: "2" });
  const cleared = await t.stripe.accounts.update(a.id, { metadata: "" as unknown as Stripe.MetadataParam });
  assert.deepEqual(cleared.metadata, {});
  const cap = await t.stripe.accounts.updateCapability(a.id, "card_payments", { requested: true });
  assert.equal(cap.status, "inactive");
  assert.ok((await t.stripe.accounts.retrieve(a.id)).capabilities?.card_payments);
  const listed = await t.stripe.accounts.list({ limit: 1 });
  assert.equal(listed.data[0]?.id, a.id);
  const deleted = await t.stripe.accounts.del(a.id);
  assert.deepEqual(
    { ...deleted, lastResponse: undefined },
    { id: a.id, object: "account", deleted: true, lastResponse: undefined },
  );
  await assert.rejects(t.stripe.accounts.retrieve(a.id), (e: Stripe.errors.StripeError) => e.statusCode === 404);
  const platform = await t.stripe.accounts.retrieveCurrent();
  assert.match(platform.id, /^acct_/);
  assert.notEqual(platform.id, a.id);
});

async function pollUntil<T>(load: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await load();
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 25));
  }
}
