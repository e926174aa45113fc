import { test } from "node:test";
import { rmSync } from "node:fs";
import assert from "node:assert/strict";
import Stripe from "stripe";
import { completeIndividual, customAccountParams, startReceiver, startTestSandbox, waitFor } from "../test-helpers";

const SECRET = "whsec_test_secret_for_sandbox";
const verifier = new Stripe("sk_test_verify");

test("deliveries are signed like Stripe's: constructEvent accepts each and rejects a tampered one", async () => {
  const receiver = await startReceiver();
  const t = await startTestSandbox({
    snapshot: { url: receiver.url, secret: SECRET },
    config: { verificationDelayMs: 10 },
  });
  try {
    const a = await t.stripe.accounts.create(customAccountParams);
    await t.stripe.accounts.update(a.id, { email: "new@example.com" });
    await t.stripe.accounts.update(a.id, completeIndividual);
    const events = await waitFor(
      () => {
        const parsed = receiver.received.map((r) => verifier.webhooks.constructEvent(r.body, r.signature, SECRET));
        return (
          parsed.some(
            (e) => e.type === "capability.updated" && (e.data.object as Stripe.Capability).status === "active",
          ) && parsed
        );
      },
      5000,
      "capability activation webhook",
    );
    for (const e of events) assert.equal(e.account, a.id, "connected-account events carry `account`");
    const emailChange = events.find(
      (e) => e.type === "account.updated" && (e.data.object as Stripe.Account).email === "new@example.com",
    );
    assert.deepEqual(emailChange?.data.previous_attributes, { email: "jenny.rosen@example.com" });
    assert.equal(emailChange?.request?.id?.startsWith("req_"), true);
    const sample = receiver.received[0];
    assert.ok(sample);
    const tampered = sample.body.replace(a.id, "acct_tampered0000000");
    assert.throws(
      () => verifier.webhooks.constructEvent(tampered, sample.signature, SECRET),
      Stripe.errors.StripeSignatureVerificationError,
    );
    assert.throws(
      () => verifier.webhooks.constructEvent(sample.body, sample.signature, "whsec_other"),
      Stripe.errors.StripeSignatureVerificationError,
    );
    // The event log: connected-account events are listed with Stripe-Account, and retrievable by id.
    const listed = await t.stripe.events.list({ limit: 100 }, { stripeAccount: a.id });
    assert.ok(listed.data.length >= events.length);
    const one = await t.stripe.events.retrieve(emailChange?.id ?? "", {}, { stripeAccount: a.id });
    assert.equal(one.type, "account.updated");
    await assert.rejects(
      t.stripe.events.retrieve(emailChange?.id ?? ""),
      (e: Stripe.errors.StripeError) => e.statusCode === 404,
    );
  } finally {
    await t.close();
    await receiver.close();
  }
});

test("a receiver that was down gets what it missed, also across a sandbox restart", async () => {
  const receiver = await startReceiver();
  receiver.setUp(false);
  const config = { webhookRetryBaseMs: 50, webhookRetryMaxMs: 200 };
  const first = await startTestSandbox({ config });
  const dataDir = first.dataDir;
  const hook = await first.stripe.webhookEndpoints.create({
    url: receiver.url,
    enabled_events: ["account.updated"],
    connect: true,
  });
  assert.match(hook.secret ?? "", /^whsec_/);
  assert.equal(
    (await first.stripe.webhookEndpoints.retrieve(hook.id)).secret,
    undefined,
    "the secret is only shown at creation",
  );
  const a = await first.stripe.accounts.create(customAccountParams);
  const updated = await first.stripe.accounts.update(a.id, { metadata: { n: "1" } });
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(receiver.received.length, 0);
  await first.sandbox.close(); // pending delivery stays on disk
  const second = await startTestSandbox({ config, dataDir });
  try {
    receiver.setUp(true);
    const got = await waitFor(() => receiver.received.find((r) => r.body.includes(updated.id)), 5000, "missed webhook");
    const event = verifier.webhooks.constructEvent(got.body, got.signature, hook.secret ?? "");
    assert.equal(event.type, "account.updated");
    assert.deepEqual(event.data.previous_attributes, { metadata: { n: null } });
    await waitFor(() => second.sandbox.kernel.store.table("deliveries").size === 0, 3000, "delivery bookkeeping");
    const stored = await second.stripe.events.retrieve(event.id, {}, { stripeAccount: a.id });
    assert.equal(stored.pending_webhooks, 0);
  } finally {
    await second.close();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
