import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import { control, startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { authorize, CARDHOLDER, fundedCard, issuingAccount, lastReason } from "./fixtures";

/** Hundreds of simultaneous authorizations at one card and one balance: approvals never exceed the money. */
let t: TestSandbox;
let rta: Server;
before(async () => {
  // Answers after a random delay (the timeout is raised for the burst: this test is about money, not a loaded machine's latency), so resumed decisions interleave with each other and with new requests.
  rta = createServer((req, res) => {
    req.resume();
    req.on("end", () =>
      setTimeout(
        () =>
          res
            .writeHead(200, { "content-type": "application/json", "stripe-version": "2026-10-28.endive" })
            .end('{"approved":true}'),
        Math.random() * 40,
      ),
    );
  });
  await new Promise<void>((r) => rta.listen(0, "127.0.0.1", () => r()));
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30, rtaUrl: "off", issuingDefaultDailyLimit: 0 } });
});
after(async () => {
  await t.close();
  await new Promise((r) => rta.close(r));
});

async function burst(
  run: (i: number) => Promise<Stripe.Issuing.Authorization>,
  n: number,
): Promise<Stripe.Issuing.Authorization[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => run(i)));
}

test("300 racing authorizations on a Treasury card with 100.00: exactly what the money covers is approved", async () => {
  const s = await fundedCard(t.stripe, 10_000);
  const amounts = Array.from({ length: 300 }, (_, i) => 50 + (i % 7) * 25);
  const auths = await burst((i) => authorize(t.stripe, s, amounts[i] ?? 50), 300);
  const approved = auths.filter((a) => a.approved);
  const held = approved.reduce((sum, a) => sum + a.amount, 0);
  const fa = await t.stripe.treasury.financialAccounts.retrieve(s.fa, {}, s.opts);
  assert.ok(held <= 10_000, `approved ${held} of 10000`);
  assert.equal(fa.balance.outbound_pending.usd, held);
  assert.equal(fa.balance.cash.usd, 10_000 - held);
  assert.ok(10_000 - held < 50, "declines happen only once the money is (nearly) gone");
  assert.ok(auths.filter((a) => !a.approved).every((a) => lastReason(a) === "insufficient_funds"));
  assertLedger(t.sandbox.kernel.store);
});

test("300 racing authorizations through a slow real-time endpoint, on the Issuing balance: still never overspent", async () => {
  const { stripe } = t;
  const acct = await issuingAccount(stripe);
  const opts = { stripeAccount: acct };
  const topup = await stripe.topups.create(
    { amount: 5_000, currency: "usd", destination_balance: "issuing" } as Stripe.TopupCreateParams,
    opts,
  );
  assert.equal((await control(t.url, `/_sandbox/topups/${topup.id}/succeed`)).status, 200);
  const holder = await stripe.issuing.cardholders.create(CARDHOLDER, opts);
  const card = await stripe.issuing.cards.create(
    {
      cardholder: holder.id,
      currency: "usd",
      type: "virtual",
      status: "active",
      spending_controls: { spending_limits: [{ amount: 4_000, interval: "daily" }] },
    },
    opts,
  );
  await fetch(`${t.url}/_sandbox/config`, {
    method: "POST",
    body: JSON.stringify({
      rta_url: `http://127.0.0.1:${(rta.address() as AddressInfo).port}/`,
      rta_secret: "whsec_x",
      rta_timeout_ms: 15_000,
    }),
  });
  try {
    const s = { acct, opts, fa: "", holder: holder.id, card: card.id };
    const auths = await burst(() => authorize(stripe, s, 100), 300);
    const approved = auths.filter((a) => a.approved);
    assert.equal(approved.length, 40, "the 40.00 daily limit binds before the 50.00 balance");
    assert.ok(approved.every((a) => lastReason(a) === "webhook_approved"));
    const reasons = auths.filter((a) => !a.approved).map(lastReason);
    assert.ok(
      reasons.every((r) => r === "spending_controls"),
      JSON.stringify(reasons.filter((r) => r !== "spending_controls")),
    );
    const balance = await stripe.balance.retrieve({}, opts);
    assert.equal(balance.issuing?.available[0]?.amount, 1_000);
    assertLedger(t.sandbox.kernel.store);
  } finally {
    await fetch(`${t.url}/_sandbox/config`, {
      method: "POST",
      body: JSON.stringify({ rta_url: "off", rta_timeout_ms: 2000 }),
    });
  }
});
