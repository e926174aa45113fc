import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describeEachDatabase } from "@/db/testing";
import { operations, type Business } from "@/db/schema";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { seededBusinesses } from "@/testing/seeded-business";
import { recordRequests } from "@/testing/stripe-clients";
import { readIssuingBalance } from "./balance";
import { moveIssuingBalance, PAYOUT_KIND, TOPUP_KIND } from "./move";

const sandbox = sandboxForFile();

/** The sandbox's own check of its ledger: every balance equals the sum of its entries, and so on. */
async function ledgerViolations(): Promise<unknown[]> {
  const res = await fetch(`${sandbox().url}/_sandbox/ledger/violations`);
  assert.equal(res.status, 200);
  return ((await res.json()) as { violations: unknown[] }).violations;
}

async function control(path: string, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${sandbox().url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

const quietly = async <T>(fn: () => Promise<T>): Promise<T> => {
  const log = console.error;
  console.error = () => {}; // Stripe's refusals are logged server-side; expected here
  try {
    return await fn();
  } finally {
    console.error = log;
  }
};

describeEachDatabase("the Issuing balance (UK)", (database) => {
  async function ukBusiness(): Promise<{ business: Business; ownerId: string; stripe: Stripe }> {
    const { db } = database();
    const [{ business, ownerId }] = await seededBusinesses(db, sandbox().stripe, ["GB"]);
    return { business, ownerId, stripe: sandbox().stripe };
  }

  test("a double-submitted top-up is one top-up, pending until the bank sends it; a failed one adds nothing", async () => {
    const { db } = database();
    const { business, ownerId, stripe } = await ukBusiness();
    const before = await readIssuingBalance(stripe, business);
    assert.equal(before.currency, "gbp");
    assert.equal(before.available, 500_000, "the demo seed's opening top-up arrived");

    const sent = recordRequests(stripe);
    const by = { userId: ownerId, kind: TOPUP_KIND, description: "Top-up from bank" } as const;
    const form = { clientToken: crypto.randomUUID(), amount: "1,250.50" };
    const [first, second] = await Promise.all([
      moveIssuingBalance(db, stripe, business, by, form),
      moveIssuingBalance(db, stripe, business, by, form),
    ]).finally(sent.stop);
    assert.ok(first.ok && second.ok, JSON.stringify([first, second]));
    assert.equal(first.data.id, second.data.id);
    assert.equal(first.data.amount, 125_050);
    assert.equal(sent.calls.filter((c) => c.method === "POST" && c.path === "/v1/topups").length, 1);
    const pending = await readIssuingBalance(stripe, business);
    assert.equal(pending.available, before.available, "not spendable before the bank sends it");
    assert.equal(pending.incoming, before.incoming + 125_050);

    await control(`/_sandbox/topups/${first.data.id}/succeed`);
    const arrived = await readIssuingBalance(stripe, business);
    assert.equal(arrived.available, before.available + 125_050, "arrived once");
    assert.equal(arrived.incoming, before.incoming);

    const refused = await moveIssuingBalance(db, stripe, business, by, {
      clientToken: crypto.randomUUID(),
      amount: "99.00",
    });
    assert.ok(refused.ok);
    await control(`/_sandbox/topups/${refused.data.id}/fail`);
    const after = await readIssuingBalance(stripe, business);
    assert.equal(after.available, arrived.available, "a failed top-up adds nothing");
    const failed = after.moves.find((m) => m.id === refused.data.id);
    assert.equal(failed?.status, "failed");
    assert.ok(failed?.failure, "the bank's reason is shown");
    assert.deepEqual(await ledgerViolations(), []);
  });

  test("a payout above the balance is refused next to the amount and moves nothing; one within it moves once", async () => {
    const { db } = database();
    const { business, ownerId, stripe } = await ukBusiness();
    const before = await readIssuingBalance(stripe, business);
    const by = { userId: ownerId, kind: PAYOUT_KIND, description: "Payout to bank" } as const;
    const tooMuch = await quietly(() =>
      moveIssuingBalance(db, stripe, business, by, {
        clientToken: crypto.randomUUID(),
        amount: ((before.available + 1) / 100).toFixed(2),
      }),
    );
    assert.equal(tooMuch.ok, false);
    assert.equal(!tooMuch.ok && tooMuch.error.code, "insufficient_funds");
    assert.match((!tooMuch.ok && tooMuch.error.fields?.amount) || "", /^Not enough available balance to send £/);
    assert.equal((await readIssuingBalance(stripe, business)).available, before.available, "nothing moved");

    const bad = await moveIssuingBalance(db, stripe, business, by, {
      clientToken: crypto.randomUUID(),
      amount: "1.234",
    });
    assert.equal(!bad.ok && bad.error.fields?.amount, "Use at most 2 decimal places");

    const form = { clientToken: crypto.randomUUID(), amount: "200" };
    const [a, b] = await Promise.all([
      moveIssuingBalance(db, stripe, business, by, form),
      moveIssuingBalance(db, stripe, business, by, form),
    ]);
    assert.ok(a.ok && b.ok);
    assert.equal(a.data.id, b.data.id);
    const after = await readIssuingBalance(stripe, business);
    assert.equal(after.available, before.available - 20_000, "paid out once");
    const ops = await db
      .select()
      .from(operations)
      .where(and(eq(operations.businessId, business.id), eq(operations.kind, PAYOUT_KIND)));
    assert.deepEqual(ops.map((o) => o.status).sort(), ["failed", "succeeded"], "the refusal is kept as a record");
    assert.deepEqual(await ledgerViolations(), []);
  });

  test("another funding model's business has no Issuing balance to move", async () => {
    const { db } = database();
    const [{ business, ownerId }] = await seededBusinesses(db, sandbox().stripe, ["US"]);
    const result = await moveIssuingBalance(
      db,
      sandbox().stripe,
      business,
      { userId: ownerId, kind: TOPUP_KIND, description: "x" },
      { clientToken: crypto.randomUUID(), amount: "10.00" },
    );
    assert.equal(!result.ok && result.error.code, "not_found");
  });
});
