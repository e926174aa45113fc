import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "@/db/testing";
import { authorizations, disputes, moneyTransactions } from "@/db/schema";
import { attentionCounts, moneyFlow, recentActivity } from "./home";

describeEachDatabase("home page data", (database) => {
  const now = new Date("2026-11-20T12:00:00Z");
  const day = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const txn = (id: string, accountId: string, amount: number, at: Date, status = "posted") => ({
    id,
    accountId,
    financialAccount: "fa_1",
    amount,
    currency: "usd",
    flowType: amount > 0 ? "received_credit" : "outbound_payment",
    status,
    description: null,
    objectCreatedAt: at,
    sourceAt: at,
  });

  test("money in and out per day over 30 days, only for this account, voids excluded", async () => {
    const { db } = database();
    await db
      .insert(moneyTransactions)
      .values([
        txn("trxn_a", "acct_me", 10_000, day(0)),
        txn("trxn_b", "acct_me", -2_500, day(0)),
        txn("trxn_c", "acct_me", -1_000, day(3)),
        txn("trxn_d", "acct_me", 99_999, day(40)),
        txn("trxn_e", "acct_me", -7_000, day(1), "void"),
        txn("trxn_f", "acct_other", 50_000, day(0)),
      ]);
    const flow = await moneyFlow(db, "acct_me", { now });
    assert.equal(flow.length, 30);
    assert.equal(flow[29]?.day, "2026-11-20");
    assert.deepEqual(flow[29], { day: "2026-11-20", moneyIn: 10_000, moneyOut: 2_500 });
    assert.deepEqual(flow[26], { day: "2026-11-17", moneyIn: 0, moneyOut: 1_000 });
    assert.equal(
      flow.reduce((s, d) => s + d.moneyIn, 0),
      10_000,
    );
    assert.equal(
      flow.reduce((s, d) => s + d.moneyOut, 0),
      3_500,
    );
  });

  test("recent activity mixes ledger lines and card purchases, newest first; attention counts declines and open disputes", async () => {
    const { db } = database();
    const auth = (id: string, approved: boolean, at: Date, accountId = "acct_me") => ({
      id,
      accountId,
      cardId: "ic_1",
      amount: approved ? 1_000 : 0,
      currency: "usd",
      merchantAmount: 1_000,
      merchantCurrency: "usd",
      merchantName: "Rocket Rides",
      merchantCategory: "taxicabs_limousines",
      merchantCountry: "US",
      status: approved ? "closed" : "closed",
      approved,
      objectCreatedAt: at,
      sourceAt: at,
    });
    await db
      .insert(authorizations)
      .values([
        auth("iauth_1", true, day(0.5)),
        auth("iauth_2", false, day(1)),
        auth("iauth_3", false, day(9)),
        auth("iauth_4", false, day(1), "acct_other"),
      ]);
    await db.insert(disputes).values([
      {
        id: "idp_1",
        accountId: "acct_me",
        amount: 1_000,
        currency: "usd",
        status: "unsubmitted",
        objectCreatedAt: day(1),
        sourceAt: day(1),
      },
    ]);
    const activity = await recentActivity(db, "acct_me", 10);
    const ids = activity.map((a) => a.id);
    assert.deepEqual(new Set(ids.slice(0, 2)), new Set(["trxn_a", "trxn_b"]), "the two newest lines first");
    assert.equal(ids[2], "iauth_1");
    assert.ok(!ids.includes("iauth_4"), "another account's purchase never shows");
    assert.ok(!ids.includes("trxn_f"));
    const declined = activity.find((a) => a.id === "iauth_2");
    assert.equal(declined?.status, "declined");
    assert.equal(declined?.amount, -1_000, "a declined purchase shows what was asked");
    assert.deepEqual(await attentionCounts(db, "acct_me", now), { declinedLast7Days: 1, disputesAwaitingEvidence: 1 });
  });
});
