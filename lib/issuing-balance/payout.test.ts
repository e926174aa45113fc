import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describeEachDatabase } from "@/db/testing";
import { operations, type Business } from "@/db/schema";
import { ledgerViolations as sandboxLedgerViolations } from "@/testing/sandbox-ledger";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { seededBusinesses } from "@/testing/seeded-business";
import { recordRequests } from "@/testing/stripe-clients";
import { readIssuingBalance } from "./balance";
import { payOutIssuingBalance, PAYOUT_KIND } from "./payout";
import { bankTransferDetails, simulateBankTransferIn } from "./push-funding";
import { quietly } from "@/testing/quietly";

const sandbox = sandboxForFile();

const ledgerViolations = () => sandboxLedgerViolations(sandbox().url);

describeEachDatabase("the Issuing balance (UK)", (database) => {
  async function ukBusiness(): Promise<{ business: Business; ownerId: string; stripe: Stripe }> {
    const { db } = database();
    const [{ business, ownerId }] = await seededBusinesses(db, sandbox().stripe, ["GB"]);
    return { business, ownerId, stripe: sandbox().stripe };
  }

  test("money comes in by bank transfer to the balance's own sort code and account number", async () => {
    const { business, stripe } = await ukBusiness();
    const before = await readIssuingBalance(stripe, business);
    assert.equal(before.currency, "gbp");
    assert.equal(before.available, 500_000, "the demo seed's opening transfer arrived");
    const details = await bankTransferDetails(stripe, business);
    assert.equal(details?.kind, "sort_code");
    assert.match((details?.kind === "sort_code" && details.sortCode) || "", /^\d{6}$/);
    assert.deepEqual(await bankTransferDetails(stripe, business), details, "the same details every time");

    await simulateBankTransferIn(stripe, business, 125_050);
    const after = await readIssuingBalance(stripe, business);
    assert.equal(after.available, before.available + 125_050, "spendable at once");
    const arrived = after.moves.find((m) => m.kind === "topup" && m.amount === 125_050);
    assert.equal(arrived?.status, "succeeded", "it is listed as a top-up that arrived");
    assert.deepEqual(await ledgerViolations(), []);
  });

  test("a top-up that pulls from the bank is not how UK balances are funded: Stripe refuses it and nothing moves", async () => {
    const { business, stripe } = await ukBusiness();
    const before = await readIssuingBalance(stripe, business);
    const params = { amount: 1000, currency: "gbp", destination_balance: "issuing" } as Stripe.TopupCreateParams;
    await assert.rejects(
      quietly(() => stripe.topups.create(params, { stripeAccount: business.stripeAccountId! })),
      (err: { type?: string }) => err.type === "StripeInvalidRequestError",
    );
    assert.equal((await readIssuingBalance(stripe, business)).available, before.available);
  });

  test("a payout above the balance is refused next to the amount and moves nothing; a double-submitted one moves once", async () => {
    const { db } = database();
    const { business, ownerId, stripe } = await ukBusiness();
    const before = await readIssuingBalance(stripe, business);
    const tooMuch = await quietly(() =>
      payOutIssuingBalance(db, stripe, business, ownerId, {
        clientToken: crypto.randomUUID(),
        amount: ((before.available + 1) / 100).toFixed(2),
      }),
    );
    assert.equal(tooMuch.ok, false);
    assert.equal(!tooMuch.ok && tooMuch.error.code, "insufficient_funds");
    assert.match((!tooMuch.ok && tooMuch.error.fields?.amount) || "", /^Not enough available balance to send £/);
    assert.equal((await readIssuingBalance(stripe, business)).available, before.available, "nothing moved");
    assert.deepEqual(await ledgerViolations(), [], "the refusal left the ledger consistent");

    const bad = await payOutIssuingBalance(db, stripe, business, ownerId, {
      clientToken: crypto.randomUUID(),
      amount: "1.234",
    });
    assert.equal(!bad.ok && bad.error.fields?.amount, "Use at most 2 decimal places");

    const sent = recordRequests(stripe);
    const form = { clientToken: crypto.randomUUID(), amount: "200" };
    const [a, b] = await Promise.all([
      payOutIssuingBalance(db, stripe, business, ownerId, form),
      payOutIssuingBalance(db, stripe, business, ownerId, form),
    ]).finally(sent.stop);
    assert.ok(a.ok && b.ok, JSON.stringify([a, b]));
    assert.equal(a.data.id, b.data.id);
    assert.equal(sent.calls.filter((c) => c.method === "POST" && c.path === "/v1/payouts").length, 1);
    const after = await readIssuingBalance(stripe, business);
    assert.equal(after.available, before.available - 20_000, "paid out once");
    const ops = await db
      .select()
      .from(operations)
      .where(and(eq(operations.businessId, business.id), eq(operations.kind, PAYOUT_KIND)));
    assert.deepEqual(ops.map((o) => o.status).sort(), ["failed", "succeeded"], "the refusal is kept as a record");
    assert.deepEqual(await ledgerViolations(), []);
  });

  test("another funding model's business has no Issuing balance to pay out of", async () => {
    const { db } = database();
    const [{ business, ownerId }] = await seededBusinesses(db, sandbox().stripe, ["US"]);
    const result = await payOutIssuingBalance(db, sandbox().stripe, business, ownerId, {
      clientToken: crypto.randomUUID(),
      amount: "10.00",
    });
    assert.equal(!result.ok && result.error.code, "not_found");
  });
});
