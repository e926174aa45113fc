import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { businesses, financialAccounts, moneyTransactions } from "@/db/schema";
import { event } from "@/testing/events";
import { applySnapshotEvent } from "./apply";
import { moneyFlow } from "@/lib/dashboard/home";

const created = Math.floor(Date.now() / 1000);
const topup = (id: string, status: string, amount: number, destination = "issuing") => ({
  id,
  object: "topup" as const,
  amount,
  currency: "gbp",
  status,
  destination_balance: destination,
  description: null,
  created,
});
const payout = (id: string, status: string, amount: number) => ({
  id,
  object: "payout" as const,
  amount,
  currency: "gbp",
  status,
  description: "Payout to bank",
  created,
});

describeEachDatabase("the Issuing balance's read models", (database) => {
  test("top-ups and payouts of a UK business become its ledger lines; failed ones don't count; others' are ignored", async () => {
    const { db } = database();
    const account = `acct_uk_${Date.now()}`;
    await db.insert(businesses).values([
      {
        legalName: "UK Co",
        country: "GB",
        businessType: "company",
        fundingModel: "issuing_balance",
        stripeAccountId: account,
      },
      {
        legalName: "US Co",
        country: "US",
        businessType: "company",
        fundingModel: "treasury",
        stripeAccountId: `${account}_us`,
      },
    ]);
    const apply = (type: string, obj: { object: string }, on = account) =>
      applySnapshotEvent(db, event(type, obj, { account: on }));
    await apply("topup.succeeded", topup("tu_in", "succeeded", 30_000));
    await apply("topup.failed", topup("tu_failed", "failed", 4_000));
    await apply("topup.succeeded", topup("tu_payments", "succeeded", 9_000, "payments"));
    await apply("payout.paid", payout("po_out", "paid", 5_750));
    await apply("topup.succeeded", topup("tu_other", "succeeded", 1_000), `${account}_us`);
    await apply("balance.available", {
      object: "balance",
      available: [],
      pending: [],
      issuing: { available: [{ amount: 24_250, currency: "gbp" }] },
    } as { object: string });

    const lines = await db.select().from(moneyTransactions).where(eq(moneyTransactions.accountId, account));
    assert.deepEqual(lines.map((l) => [l.id, l.amount, l.status]).sort(), [
      ["po_out", -5_750, "paid"],
      ["tu_failed", 4_000, "void"],
      ["tu_in", 30_000, "succeeded"],
    ]);
    const flow = await moneyFlow(db, account, { cardLines: true });
    assert.deepEqual(
      [flow.reduce((s, d) => s + d.moneyIn, 0), flow.reduce((s, d) => s + d.moneyOut, 0)],
      [30_000, 5_750],
      "the failed top-up is not money in",
    );
    const [balance] = await db.select().from(financialAccounts).where(eq(financialAccounts.accountId, account));
    assert.deepEqual(balance?.balances, { gbp: { available: 24_250, inbound_pending: 0, outbound_pending: 0 } });
  });
});
