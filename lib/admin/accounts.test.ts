import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "@/db/testing";
import { authorizations, businesses, cards, connectedAccounts, financialAccounts } from "@/db/schema";
import { parseAccountFilters } from "@/lib/admin/account-filters";
import { spendBy } from "@/db/queries/spend-analytics";
import { listAdminAccounts } from "./accounts";

const at = new Date("2026-11-01T00:00:00Z");
const now = new Date("2026-11-20T00:00:00Z");

describeEachDatabase("admin accounts table", (database) => {
  test("search, filters, sorting, pagination and per-account facts come from the read model", async () => {
    const { db } = database();
    const names = ["Comercial Aurora S.A. de C.V.", "Acme Supplies Inc.", "Zeta 100% Widgets"];
    for (let i = 0; i < 30; i++) names.push(`Filler ${String(i).padStart(2, "0")} LLC`);
    const rows = await db
      .insert(businesses)
      .values(
        names.map((legalName, i) => ({
          legalName,
          country: i === 0 ? "MX" : "US",
          businessType: "company" as const,
          fundingModel: i === 0 ? ("stablecoin" as const) : ("treasury" as const),
          stripeAccountId: `acct_${i}`,
          contactEmail: `owner${i}@example.test`,
        })),
      )
      .returning();
    await db.insert(connectedAccounts).values(
      rows.map((b, i) => ({
        id: `acct_${i}`,
        businessId: b.id,
        api: "v1" as const,
        country: b.country,
        capabilities: { card_issuing: i === 1 ? "inactive" : "active" },
        requirementsDue: i === 1 ? ["company.tax_id"] : [],
        disabledReason: i === 2 ? "requirements.past_due" : null,
        objectCreatedAt: at,
        sourceAt: at,
      })),
    );
    await db.insert(financialAccounts).values({
      id: "fa_0",
      accountId: "acct_0",
      api: "v2",
      status: "open",
      balances: { usdc: { available: 5000, inbound_pending: 0, outbound_pending: 0 } },
      objectCreatedAt: at,
      sourceAt: at,
    });
    await db.insert(cards).values([
      {
        id: "ic_a",
        accountId: "acct_0",
        cardholderId: "ich",
        type: "virtual",
        status: "active",
        last4: "4242",
        expMonth: 1,
        expYear: 2030,
        currency: "usd",
        objectCreatedAt: at,
        sourceAt: at,
      },
      {
        id: "ic_b",
        accountId: "acct_0",
        cardholderId: "ich",
        type: "virtual",
        status: "inactive",
        last4: "4243",
        expMonth: 1,
        expYear: 2030,
        currency: "usd",
        objectCreatedAt: at,
        sourceAt: at,
      },
    ]);
    const auth = (id: string, amount: number, created: Date, approved = true, status = "closed") => ({
      id,
      accountId: "acct_0",
      cardId: "ic_a",
      amount,
      currency: "usd",
      merchantAmount: amount,
      merchantCurrency: "usd",
      status,
      approved,
      objectCreatedAt: created,
      sourceAt: created,
    });
    await db
      .insert(authorizations)
      .values([
        auth("a1", 1000, at),
        auth("a2", 250, at),
        auth("a3", 9999, at, false),
        auth("a4", 7777, at, true, "reversed"),
        auth("a5", 3333, new Date("2026-09-01T00:00:00Z")),
      ]);

    const find = (q: Record<string, string>) => listAdminAccounts(db, parseAccountFilters(q), now);

    const aurora = await find({ q: "aurora" });
    assert.deepEqual(
      aurora.rows.map((r) => r.name),
      ["Comercial Aurora S.A. de C.V."],
    );
    const row = aurora.rows[0]!;
    assert.deepEqual(row.balances, { usdc: 5000 });
    assert.deepEqual(row.cards, { total: 2, active: 1 });
    assert.deepEqual(row.spend30d, { usd: 1250 }, "approved, not reversed, last 30 days only");
    assert.equal(row.state, "active");

    assert.deepEqual(
      (await find({ q: "OWNER1@example.test" })).rows.map((r) => r.name),
      ["Acme Supplies Inc."],
    );
    assert.deepEqual(
      (await find({ q: "acct_2" })).rows.map((r) => r.name),
      ["Zeta 100% Widgets"],
    );
    assert.deepEqual(
      (await find({ q: "100%" })).rows.map((r) => r.name),
      ["Zeta 100% Widgets"],
      "% is literal",
    );
    assert.equal((await find({ q: "%" })).total, 1);

    assert.deepEqual((await find({ status: "needs_review" })).rows.map((r) => r.name).sort(), [
      "Acme Supplies Inc.",
      "Zeta 100% Widgets",
    ]);
    assert.deepEqual(
      (await find({ status: "restricted" })).rows.map((r) => r.name),
      ["Zeta 100% Widgets"],
    );
    assert.deepEqual(
      (await find({ funding: "stablecoin" })).rows.map((r) => r.country),
      ["MX"],
    );
    assert.equal((await find({ country: "us" })).total, 32);

    const first = await find({});
    assert.equal(first.total, 33);
    assert.equal(first.rows.length, 25);
    assert.equal(first.pageCount, 2);
    assert.equal(first.rows[0]!.name, "Acme Supplies Inc.");
    const second = await find({ page: "2" });
    assert.equal(second.rows.length, 8);
    assert.equal(second.rows.at(-1)!.name, "Zeta 100% Widgets");
    assert.equal((await find({ sort: "name", dir: "desc" })).rows[0]!.name, "Zeta 100% Widgets");
    assert.equal((await find({ sort: "bogus", page: "-3" })).page, 1, "junk in the URL falls back to defaults");
  });

  test("all three funding models: a UK business on the Issuing balance is listed with its model, filters by it, and its GBP spend is never added to USD", async () => {
    const { db } = database();
    const models = [
      { legalName: "Models Co UK Ltd", country: "GB", fundingModel: "issuing_balance" as const, currency: "gbp" },
      { legalName: "Models Co US Inc.", country: "US", fundingModel: "treasury" as const, currency: "usd" },
      { legalName: "Models Co MX", country: "MX", fundingModel: "stablecoin" as const, currency: "usd" },
    ];
    const rows = await db
      .insert(businesses)
      .values(
        models.map((m, i) => ({
          legalName: m.legalName,
          country: m.country,
          businessType: "company" as const,
          fundingModel: m.fundingModel,
          stripeAccountId: `acct_m${i}`,
        })),
      )
      .returning();
    await db.insert(connectedAccounts).values(
      rows.map((b, i) => ({
        id: `acct_m${i}`,
        businessId: b.id,
        api: "v1" as const,
        country: b.country,
        capabilities: { card_issuing: "active" },
        requirementsDue: [],
        objectCreatedAt: at,
        sourceAt: at,
      })),
    );
    // The UK business's Issuing balance, as the read model keeps it (id `issuing:<account>`).
    await db.insert(financialAccounts).values({
      id: "issuing:acct_m0",
      accountId: "acct_m0",
      api: "v1",
      status: "open",
      balances: { gbp: { available: 500_000, inbound_pending: 0, outbound_pending: 0 } },
      objectCreatedAt: at,
      sourceAt: at,
    });
    const auth = (id: string, i: number, amount: number, currency: string) => ({
      id,
      accountId: `acct_m${i}`,
      cardId: `ic_m${i}`,
      amount,
      currency,
      merchantAmount: amount,
      merchantCurrency: currency,
      merchantCategory: "bakeries",
      merchantCountry: "IE",
      status: "closed",
      approved: true,
      objectCreatedAt: at,
      sourceAt: at,
    });
    await db
      .insert(authorizations)
      .values([auth("m_gbp1", 0, 1200, "gbp"), auth("m_gbp2", 0, 300, "gbp"), auth("m_usd", 1, 4000, "usd")]);

    const find = (q: Record<string, string>) => listAdminAccounts(db, parseAccountFilters(q), now);
    // Other tests' businesses share this database: look at this test's only.
    const all = await find({ q: "models co" });
    assert.deepEqual(
      all.rows.map((r) => [r.name, r.fundingModel]),
      [
        ["Models Co MX", "stablecoin"],
        ["Models Co UK Ltd", "issuing_balance"],
        ["Models Co US Inc.", "treasury"],
      ],
    );
    const uk = await find({ q: "models co", funding: "issuing_balance" });
    assert.deepEqual(
      uk.rows.map((r) => r.name),
      ["Models Co UK Ltd"],
    );
    assert.deepEqual(uk.rows[0]!.balances, { gbp: 500_000 });
    assert.deepEqual(uk.rows[0]!.spend30d, { gbp: 1500 }, "in GBP, not added into USD");
    assert.deepEqual(
      (await find({ q: "models co", funding: "treasury" })).rows.map((r) => r.name),
      ["Models Co US Inc."],
    );

    // Analytics: one row per currency, whatever the dimension, so pence are never summed with cents.
    const from = new Date("2026-10-25T00:00:00Z");
    const byCategory = (await spendBy(db, "category", from, now)).filter((r) => r.key === "bakeries");
    assert.deepEqual(
      byCategory.map((r) => [r.key, r.currency, r.amount, r.count]),
      [
        ["bakeries", "usd", 4000, 1],
        ["bakeries", "gbp", 1500, 2],
      ],
    );
    const byCountry = (await spendBy(db, "country", from, now)).filter((r) => r.key === "IE");
    assert.deepEqual(byCountry.map((r) => [r.currency, r.amount]).sort(), [
      ["gbp", 1500],
      ["usd", 4000],
    ]);
    const byAccount = (await spendBy(db, "account", from, now)).filter((r) => r.label.startsWith("Models Co"));
    assert.deepEqual(
      byAccount.map((r) => [r.label, r.currency, r.amount]),
      [
        ["Models Co US Inc.", "usd", 4000],
        ["Models Co UK Ltd", "gbp", 1500],
      ],
    );
  });
});
