import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "@/db/testing";
import type { DbOrTx } from "@/db/connect";
import { PAYOUT_KIND } from "@/db/queries/payouts";
import {
  businesses,
  issuingTransactions,
  moneyTransactions,
  operations,
  walletEntries,
  type Business,
} from "@/db/schema";
import { ISSUING_BALANCE_LEDGER } from "@/lib/events/read-models";
import { parseCsv } from "@/testing/csv";
import { purchasesExportResponse } from "./export";

let seq = 0;
async function business(db: DbOrTx, country: string, fundingModel: Business["fundingModel"]): Promise<Business> {
  const n = ++seq;
  const [b] = await db
    .insert(businesses)
    .values({
      legalName: `Mover ${n}`,
      country,
      businessType: "company",
      fundingModel,
      stripeAccountId: `acct_mv${n}${Date.now()}`,
      financialAccountId: `fa_mv${n}`,
    })
    .returning();
  return b!;
}

const at = (day: string, time = "12:00:00") => new Date(`${day}T${time}Z`);

/** A card capture of the account (what the export's purchase lines come from). */
async function capture(db: DbOrTx, b: Business, id: string, amount: number, currency: string, day: string) {
  await db.insert(issuingTransactions).values({
    id,
    accountId: b.stripeAccountId!,
    cardId: "ic_mv",
    type: "capture",
    amount: -amount,
    currency,
    merchantName: "Corner Shop",
    objectCreatedAt: at(day),
    sourceAt: at(day),
  });
}

type Line = { id: string; amount: number; flowType: string; status: string; day: string; description?: string };
async function ledger(db: DbOrTx, b: Business, financialAccount: string, currency: string, lines: Line[]) {
  for (const l of lines)
    await db.insert(moneyTransactions).values({
      id: l.id,
      accountId: b.stripeAccountId!,
      financialAccount,
      amount: l.amount,
      currency,
      flowType: l.flowType,
      status: l.status,
      description: l.description ?? null,
      objectCreatedAt: at(l.day),
      sourceAt: at(l.day),
    });
}

/** The November export as [Type, Description, Amount, Currency, Transaction ID] rows, and the raw text. */
async function november(db: DbOrTx, b: Business, format: "quickbooks" | "xero" = "quickbooks") {
  const res = await purchasesExportResponse(
    db,
    { business: b, role: "owner" },
    new URLSearchParams(`format=${format}&month=2026-11`),
    {
      origin: "https://app.test",
      now: new Date("2026-12-07T00:00:00Z"),
    },
  );
  assert.equal(res.status, 200);
  const text = await res.text();
  const [header, ...rows] = parseCsv(text);
  const col = (r: string[], name: string) => r[header!.indexOf(name)]!;
  const picked = rows.map((r) => [
    col(r, "Type"),
    col(r, "Description"),
    col(r, "Amount"),
    col(r, "Currency"),
    col(r, "Transaction ID"),
  ]);
  return { text, header: header!, rows, picked };
}

describeEachDatabase("accounting export of money movements", (database) => {
  test("Treasury: fundings in, payouts out, returns back; voided lines and card flow lines left out", async () => {
    const { db } = database();
    const us = await business(db, "US", "treasury");
    const other = await business(db, "US", "treasury");
    await capture(db, us, "ipi_mv_us", 1234, "usd", "2026-11-05");
    await ledger(db, us, us.financialAccountId!, "usd", [
      {
        id: "trxn_mv_a",
        amount: 10_000,
        flowType: "inbound_transfer",
        status: "posted",
        day: "2026-11-02",
        description: "Transfer from bank",
      },
      {
        id: "trxn_mv_b",
        amount: 50_000,
        flowType: "received_credit",
        status: "posted",
        day: "2026-11-03",
        description: "Funding from the platform",
      },
      { id: "trxn_mv_c", amount: -2_500, flowType: "outbound_payment", status: "open", day: "2026-11-04" },
      // The card's own ledger line: the capture above already says it.
      { id: "trxn_mv_d", amount: -1_234, flowType: "issuing_authorization", status: "posted", day: "2026-11-05" },
      { id: "trxn_mv_e", amount: 2_500, flowType: "outbound_payment", status: "posted", day: "2026-11-06" },
      { id: "trxn_mv_f", amount: -1_000, flowType: "outbound_transfer", status: "void", day: "2026-11-07" },
      {
        id: "trxn_mv_g",
        amount: -300,
        flowType: "received_debit",
        status: "posted",
        day: "2026-11-08",
        description: "InboundTransfer return",
      },
      { id: "trxn_mv_h", amount: -700, flowType: "outbound_transfer", status: "posted", day: "2026-12-01" },
    ]);
    await ledger(db, other, other.financialAccountId!, "usd", [
      { id: "trxn_mv_x", amount: 99_900, flowType: "received_credit", status: "posted", day: "2026-11-02" },
    ]);

    const { text, picked } = await november(db, us);
    assert.deepEqual(picked, [
      ["Funding", "Funding: inbound transfer — Transfer from bank", "100.00", "USD", "trxn_mv_a"],
      ["Funding", "Funding: received credit — Funding from the platform", "500.00", "USD", "trxn_mv_b"],
      ["Payout", "Payout: outbound payment", "-25.00", "USD", "trxn_mv_c"],
      ["Purchase", "Corner Shop", "-12.34", "USD", "ipi_mv_us"],
      ["Payout return", "Payout returned: outbound payment", "25.00", "USD", "trxn_mv_e"],
      ["Debit", "Debit: received debit — InboundTransfer return", "-3.00", "USD", "trxn_mv_g"],
    ]);
    assert.equal(text, (await november(db, us)).text, "the same period gives the same file");

    const xero = await november(db, us, "xero");
    assert.deepEqual(xero.header.slice(0, 5), ["Date", "Amount", "Payee", "Description", "Reference"]);
    const funding = xero.rows.find((r) => r[4] === "trxn_mv_b")!;
    assert.deepEqual(funding.slice(0, 5), [
      "11/03/2026",
      "500.00",
      "Funding from the platform",
      "Funding: received credit — Funding from the platform",
      "trxn_mv_b",
    ]);
    const h = xero.header;
    for (const cell of ["Category", "Memo", "Cardholder", "Card last 4", "Merchant", "Receipt"])
      assert.equal(funding[h.indexOf(cell)], "", `a movement has no ${cell}`);
  });

  test("Issuing balance: top-ups in, payouts out, a failed top-up left out, in the balance's currency", async () => {
    const { db } = database();
    const gb = await business(db, "GB", "issuing_balance");
    await ledger(db, gb, ISSUING_BALANCE_LEDGER, "gbp", [
      {
        id: "tu_mv_a",
        amount: 20_000,
        flowType: "topup",
        status: "succeeded",
        day: "2026-11-02",
        description: "March float",
      },
      { id: "tu_mv_b", amount: 5_000, flowType: "topup", status: "void", day: "2026-11-03" },
      { id: "po_mv_a", amount: -5_000, flowType: "payout", status: "paid", day: "2026-11-04" },
    ]);
    await capture(db, gb, "ipi_mv_gb", 999, "gbp", "2026-11-03");
    const { rows, picked } = await november(db, gb);
    assert.deepEqual(picked, [
      ["Funding", "Top-up — March float", "200.00", "GBP", "tu_mv_a"],
      ["Purchase", "Corner Shop", "-9.99", "GBP", "ipi_mv_gb"],
      ["Payout", "Payout", "-50.00", "GBP", "po_mv_a"],
    ]);
    assert.equal(rows[0]![0], "02/11/2026", "day first outside the US");
  });

  test("USDC wallet: fundings, deposits, payouts (named as sent) and returns; card lines come once, from Issuing", async () => {
    const { db } = database();
    const mx = await business(db, "MX", "stablecoin");
    await db.insert(operations).values({
      businessId: mx.id,
      kind: PAYOUT_KIND,
      clientToken: `tok_mv_${Date.now()}`,
      status: "succeeded",
      amount: 2_000,
      currency: "usdc",
      request: { description: "Payout to Main bank" },
      stripeObjectId: "obt_mv_1",
    });
    const entry = (
      id: string,
      kind: (typeof walletEntries.$inferInsert)["kind"],
      amount: number,
      day: string,
      more = {},
    ) => ({
      id,
      businessId: mx.id,
      financialAccount: mx.financialAccountId!,
      kind,
      amount,
      currency: "usdc",
      status: "posted",
      flowType: "x",
      objectCreatedAt: at(day),
      ...more,
    });
    await db
      .insert(walletEntries)
      .values([
        entry("mvt_a", "funding", 100_000, "2026-11-02", { description: "Funding from the platform" }),
        entry("mvt_b", "card_spending", -500, "2026-11-03"),
        entry("mvt_c", "card_refund", 100, "2026-11-04"),
        entry("mvt_d", "payout", -2_000, "2026-11-05", { flowId: "obt_mv_1", description: "Payout" }),
        entry("mvt_e", "payout", -3_000, "2026-11-05", { status: "void", description: "Payout" }),
        entry("mvt_f", "payout_return", 2_000, "2026-11-06", { flowId: "obt_mv_1", description: "Payout returned" }),
        entry("mvt_g", "deposit", 700, "2026-11-07", { description: "Stripe Test" }),
        entry("mvt_h", "other", 1, "2026-11-08"),
      ]);
    await capture(db, mx, "ipi_mv_mx", 500, "usd", "2026-11-03");
    const { picked } = await november(db, mx);
    assert.deepEqual(picked, [
      ["Funding", "Funding from the platform", "1000.00", "USDC", "mvt_a"],
      ["Purchase", "Corner Shop", "-5.00", "USD", "ipi_mv_mx"],
      ["Payout", "Payout to Main bank", "-20.00", "USDC", "mvt_d"],
      ["Payout return", "Payout returned — Payout to Main bank", "20.00", "USDC", "mvt_f"],
      ["Deposit", "Deposit — Stripe Test", "7.00", "USDC", "mvt_g"],
    ]);
  });
});
