import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import type { DbOrTx } from "@/db/connect";
import { ensureCategories, listCategories } from "@/db/queries/expense-categories";
import { exportTransactions, listPurchases } from "@/db/queries/purchases";
import {
  authorizations,
  businesses,
  cardholders,
  cards,
  issuingTransactions,
  purchaseNotes,
  receipts,
  users,
} from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import type { BusinessRole } from "@/lib/auth/permissions";
import { parseCsv } from "@/testing/csv";
import { expenseActions } from "./actions";
import { addCategory, archiveCategory, deleteCategory, renameCategory } from "./categories";
import { accountingCsv, purchasesExportResponse } from "./export";
import { purchaseFilterSchema } from "./filters";
import { noteSchema, reviewSchema, setPurchaseNote, setReview } from "./notes";

let seq = 0;
async function business(db: DbOrTx, country: "US" | "GB") {
  const n = ++seq;
  const [b] = await db
    .insert(businesses)
    .values({
      legalName: `Biz ${n}`,
      country,
      businessType: "company",
      fundingModel: country === "US" ? "treasury" : "issuing_balance",
      stripeAccountId: `acct_exp${n}${Date.now()}`,
    })
    .returning();
  const [u] = await db
    .insert(users)
    .values({ email: `owner${n}-${Date.now()}@x.test`, name: "Owner", passwordHash: "h" })
    .returning();
  const account = b!.stripeAccountId!;
  const currency = country === "US" ? "usd" : "gbp";
  const holder = `ich_${n}h${Date.now()}`;
  const card = `ic_${n}c${Date.now()}`;
  const at = new Date("2026-11-01T00:00:00Z");
  await db.insert(cardholders).values({
    id: holder,
    accountId: account,
    name: "Jenny Rosen",
    type: "individual",
    status: "active",
    objectCreatedAt: at,
    sourceAt: at,
  });
  await db.insert(cards).values({
    id: card,
    accountId: account,
    cardholderId: holder,
    type: "virtual",
    status: "active",
    last4: "4242",
    expMonth: 1,
    expYear: 2030,
    currency,
    objectCreatedAt: at,
    sourceAt: at,
  });
  /** A purchase on `day` (captured, unless declined), and its capture transaction. */
  const purchase = async (
    id: string,
    o: { amount: number; merchant: string; mcc?: string; day: string; declined?: boolean; refund?: number },
  ) => {
    const when = new Date(`${o.day}T12:00:00Z`);
    const auth = `iauth_${id}${n}`;
    await db.insert(authorizations).values({
      id: auth,
      accountId: account,
      cardId: card,
      cardholderId: holder,
      amount: o.amount,
      currency,
      merchantAmount: o.amount,
      merchantCurrency: currency,
      merchantName: o.merchant,
      merchantCategory: o.mcc ?? null,
      status: o.declined ? "closed" : "closed",
      approved: !o.declined,
      objectCreatedAt: when,
      sourceAt: when,
    });
    if (!o.declined) {
      await db.insert(issuingTransactions).values({
        id: `ipi_${id}${n}`,
        accountId: account,
        cardId: card,
        authorizationId: auth,
        type: "capture",
        amount: -o.amount,
        currency,
        merchantName: o.merchant,
        merchantCategory: o.mcc ?? null,
        objectCreatedAt: when,
        sourceAt: when,
      });
    }
    if (o.refund) {
      const later = new Date(when.getTime() + 3_600_000);
      await db.insert(issuingTransactions).values({
        id: `ipi_${id}r${n}`,
        accountId: account,
        cardId: card,
        authorizationId: auth,
        type: "refund",
        amount: o.refund,
        currency,
        merchantName: o.merchant,
        merchantCategory: o.mcc ?? null,
        objectCreatedAt: later,
        sourceAt: later,
      });
    }
    return auth;
  };
  const scope = (role: BusinessRole) => ({ actor: { userId: u!.id, role, businessId: b!.id }, business: b! });
  return { b: b!, userId: u!.id, account, holder, purchase, scope };
}

describeEachDatabase("expenses", (database) => {
  test("two first uses at once create one set of default categories", async () => {
    const { db } = database();
    const { b } = await business(db, "US");
    const [one, two] = await Promise.all([
      ensureCategories(db, { businessId: b.id }),
      ensureCategories(db, { businessId: b.id }),
    ]);
    assert.equal(one.length, 8);
    assert.deepEqual(two.map((c) => c.id).sort(), one.map((c) => c.id).sort());
    assert.equal((await listCategories(db, { businessId: b.id })).length, 8);
    assert.deepEqual(
      one.slice(0, 2).map((c) => c.name),
      ["Meals", "Travel"],
    );
  });

  test("notes and review: owners and admins only, another business's purchase or category looks missing", async () => {
    const { db } = database();
    const mine = await business(db, "US");
    const theirs = await business(db, "US");
    const auth = await mine.purchase("a", {
      amount: 1200,
      merchant: "Cafe",
      mcc: "fast_food_restaurants",
      day: "2026-11-03",
    });
    const theirAuth = await theirs.purchase("b", { amount: 500, merchant: "Other", day: "2026-11-03" });
    const [meals] = await ensureCategories(db, { businessId: mine.b.id });
    const [theirMeals] = await ensureCategories(db, { businessId: theirs.b.id });

    const note = { purchase: auth, category: meals!.id, memo: " Team lunch " };
    assert.equal((await executeAction(db, mine.scope("member"), expenseActions.note, note)).ok, false);
    const member = await executeAction(db, mine.scope("member"), expenseActions.review, {
      purchase: auth,
      status: "approved",
    });
    assert.equal(!member.ok && member.error.code, "forbidden");
    assert.equal((await executeAction(db, mine.scope("cardholder"), expenseActions.note, note)).ok, false);

    // Past the permission check the specs run these (on the app's database, so called directly here).
    const saved = await setPurchaseNote(db, mine.b, noteSchema.parse(note));
    assert.ok(saved.ok, JSON.stringify(saved));
    // The same purchase named twice (a repeated form field) is one review, not a database error.
    const twice = reviewSchema.parse({ purchase: [auth, auth], status: "approved" });
    assert.deepEqual(twice.purchase, [auth]);
    assert.ok((await setReview(db, mine.b, mine.userId, twice)).ok);
    const [row] = await db.select().from(purchaseNotes).where(eq(purchaseNotes.authorizationId, auth));
    assert.equal(row?.memo, "Team lunch");
    assert.equal(row?.reviewStatus, "approved");
    assert.equal(row?.reviewedBy, mine.userId);

    const other = await setPurchaseNote(db, mine.b, noteSchema.parse({ ...note, purchase: theirAuth }));
    assert.equal(!other.ok && other.error.code, "not_found");
    const otherReview = await setReview(db, mine.b, mine.userId, { purchase: [auth, theirAuth], status: "flagged" });
    assert.equal(!otherReview.ok && otherReview.error.code, "not_found", "a bulk review naming another's purchase");
    const [still] = await db.select().from(purchaseNotes).where(eq(purchaseNotes.authorizationId, auth));
    assert.equal(still?.reviewStatus, "approved", "and does nothing");
    assert.equal((await db.select().from(purchaseNotes).where(eq(purchaseNotes.authorizationId, theirAuth))).length, 0);
    const otherCategory = await setPurchaseNote(db, mine.b, noteSchema.parse({ ...note, category: theirMeals!.id }));
    assert.equal(!otherCategory.ok && otherCategory.error.fields?.category, "Choose one of your categories");
    const rename = await renameCategory(db, mine.b.id, { category: theirMeals!.id, name: "Mine" });
    assert.equal(!rename.ok && rename.error.code, "not_found");
    const archive = await archiveCategory(db, mine.b.id, { category: theirMeals!.id, archived: true });
    assert.equal(!archive.ok && archive.error.code, "not_found");
    assert.equal(
      (await executeAction(db, mine.scope("admin"), expenseActions.addCategory, { name: "Gifts" })).ok,
      false,
    );
    const tooLong = await executeAction(db, mine.scope("owner"), expenseActions.note, {
      ...note,
      memo: "x".repeat(501),
    });
    assert.ok(!tooLong.ok && tooLong.error.fields?.memo);

    // A used category can't be deleted; an unused one can.
    await setPurchaseNote(db, mine.b, { purchase: auth, category: meals!.id, memo: "" });
    const del = await deleteCategory(db, mine.b.id, { category: meals!.id });
    assert.ok(!del.ok && /archive it instead/.test(del.error.fields?._form ?? ""));
    const added = await addCategory(db, mine.b.id, { name: "Gifts" });
    assert.ok(added.ok);
    const dupe = await addCategory(db, mine.b.id, { name: "gifts" });
    assert.ok(!dupe.ok && dupe.error.fields?.name);
    assert.ok((await deleteCategory(db, mine.b.id, { category: added.data.id })).ok);
  });

  test("a cardholder codes a purchase on their own card, and only theirs; owners use the business's form", async () => {
    const { db } = database();
    const mine = await business(db, "US");
    const auth = await mine.purchase("own", { amount: 900, merchant: "Deli", day: "2026-11-04" });
    const [meals] = await ensureCategories(db, { businessId: mine.b.id });
    const note = noteSchema.parse({ purchase: auth, category: meals!.id, memo: "Client lunch" });

    const owner = await executeAction(db, mine.scope("owner"), expenseActions.noteOwn, note);
    assert.equal(!owner.ok && owner.error.code, "forbidden", "the cardholder's own form is not the owner's");
    const someoneElse = await setPurchaseNote(db, mine.b, note, { cardholderId: "ich_someone_else" });
    assert.equal(!someoneElse.ok && someoneElse.error.code, "not_found", "another cardholder's purchase looks missing");
    assert.equal((await db.select().from(purchaseNotes).where(eq(purchaseNotes.authorizationId, auth))).length, 0);

    assert.ok((await setPurchaseNote(db, mine.b, note, { cardholderId: mine.holder })).ok);
    const [row] = await db.select().from(purchaseNotes).where(eq(purchaseNotes.authorizationId, auth));
    assert.equal(row?.memo, "Client lunch");
    assert.equal(row?.categoryId, meals!.id);
  });

  test("the list filters by review, category (set or suggested), memo, and pages by cursor", async () => {
    const { db } = database();
    const m = await business(db, "US");
    const cats = await ensureCategories(db, { businessId: m.b.id });
    const travel = cats.find((c) => c.name === "Travel")!;
    const a = await m.purchase("l1", { amount: 100, merchant: "Air", mcc: "airlines_air_carriers", day: "2026-11-01" });
    const b = await m.purchase("l2", {
      amount: 200,
      merchant: "Lunch",
      mcc: "fast_food_restaurants",
      day: "2026-11-02",
    });
    const c = await m.purchase("l3", { amount: 300, merchant: "Taxi", day: "2026-11-03", declined: true });
    await setPurchaseNote(db, m.b, { purchase: c, category: travel.id, memo: "Airport 100% cab" });
    await db.insert(receipts).values({
      businessId: m.b.id,
      authorizationId: b,
      contentType: "application/pdf",
      fileName: "r.pdf",
      size: 1,
      sha256: "x",
      storage: "db",
    });
    const list = (q: Record<string, string>, limit = 25) =>
      listPurchases(db, {
        businessId: m.b.id,
        accountId: m.account,
        filter: purchaseFilterSchema.parse(q),
        categories: cats,
        limit,
      });
    const all = await list({});
    assert.deepEqual(
      all.rows.map((r) => r.id),
      [c, b, a],
    );
    assert.deepEqual(
      all.rows.map((r) => r.hasReceipt),
      [false, true, false],
    );
    assert.equal(all.rows[0]!.cardholderName, "Jenny Rosen");
    assert.equal(all.rows[0]!.last4, "4242");
    assert.deepEqual(
      (await list({ category: travel.id })).rows.map((r) => r.id),
      [c, a],
    );
    assert.deepEqual(
      (await list({ q: "100%" })).rows.map((r) => r.id),
      [c],
    );
    assert.deepEqual(
      (await list({ q: "50%" })).rows.map((r) => r.id),
      [],
    );
    assert.deepEqual(
      (await list({ review: "to_review", from: "2026-11-02", to: "2026-11-02" })).rows.map((r) => r.id),
      [b],
    );
    const first = await list({}, 2);
    assert.ok(first.next);
    const next = await list({ before: `${Math.floor(first.next.createdAt.getTime() / 1000)}.${first.next.id}` }, 2);
    assert.deepEqual(
      next.rows.map((r) => r.id),
      [a],
    );
    assert.equal(next.hasMore, false);
  });

  test("the accounting export: both formats, signs, decimals, escaping, the same file twice", async () => {
    const { db } = database();
    const uk = await business(db, "GB");
    const cats = await ensureCategories(db, { businessId: uk.b.id });
    const meals = cats.find((c) => c.name === "Meals")!;
    const tricky = 'Joe\'s "Best", Cafe';
    const a = await uk.purchase("x1", { amount: 1234, merchant: tricky, day: "2026-11-05", refund: 234 });
    await uk.purchase("x2", { amount: 99_999, merchant: "=HYPERLINK(evil)", day: "2026-11-06" });
    await uk.purchase("x3", { amount: 500, merchant: "Declined", day: "2026-11-06", declined: true });
    await uk.purchase("x4", { amount: 700, merchant: "December", day: "2026-12-01" });
    await setPurchaseNote(db, uk.b, { purchase: a, category: meals.id, memo: 'Client, lunch\nwith "Ann"' });

    const owner = { business: uk.b, role: "owner" as const };
    const get = (q: string, role: BusinessRole = "owner") =>
      purchasesExportResponse(db, { ...owner, role }, new URLSearchParams(q), {
        origin: "https://app.test",
        now: new Date("2026-12-07T00:00:00Z"),
      });
    const res = await get("format=quickbooks&from=2026-11-01&to=2026-11-30");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-disposition")!, /purchases-quickbooks-2026-11-01-to-2026-11-30\.csv/);
    const text = await res.text();
    assert.equal(text, await (await get("format=quickbooks&from=2026-11-01&to=2026-11-30")).text(), "deterministic");
    const rows = parseCsv(text);
    assert.deepEqual(rows[0]!.slice(0, 3), ["Date", "Description", "Amount"]);
    assert.equal(rows.length, 4, "header, capture, refund, capture (the declined one and December's are not)");
    const h = rows[0]!;
    const col = (r: string[], name: string) => r[h.indexOf(name)];
    assert.deepEqual(
      rows.slice(1).map((r) => r[2]),
      ["-12.34", "2.34", "-999.99"],
    );
    assert.equal(rows[1]![0], "05/11/2026", "day first for a UK business");
    assert.equal(rows[1]![1], tricky);
    assert.equal(col(rows[1]!, "Merchant"), tricky);
    assert.equal(col(rows[1]!, "Category"), "Meals");
    assert.equal(col(rows[1]!, "Memo"), 'Client, lunch\nwith "Ann"');
    assert.equal(col(rows[1]!, "Cardholder"), "Jenny Rosen");
    assert.equal(col(rows[1]!, "Card last 4"), "4242");
    assert.equal(col(rows[1]!, "Currency"), "GBP");
    assert.equal(col(rows[1]!, "Receipt"), `https://app.test/purchases/${a}`);
    assert.equal(rows[2]![1], `Refund: ${tricky}`);
    assert.equal(rows[3]![1], "'=HYPERLINK(evil)", "a formula is kept as text");

    const xero = parseCsv(await (await get("format=xero&month=2026-11")).text());
    assert.deepEqual(xero[0]!.slice(0, 5), ["Date", "Amount", "Payee", "Description", "Reference"]);
    assert.deepEqual(
      xero.slice(1).map((r) => r[1]),
      ["-12.34", "2.34", "-999.99"],
    );
    assert.equal(xero[1]![2], tricky);
    assert.equal(xero[1]![3], 'Meals — Client, lunch\nwith "Ann"');

    // A US business's dollars, month first.
    const us = await business(db, "US");
    await us.purchase("u1", { amount: 5, merchant: "Gum", day: "2026-11-09" });
    const usRows = await exportTransactions(db, {
      businessId: us.b.id,
      accountId: us.account,
      start: new Date("2026-11-01T00:00:00Z"),
      end: new Date("2026-12-01T00:00:00Z"),
    });
    const usCsv = parseCsv(
      accountingCsv({ purchases: usRows }, { format: "quickbooks", country: "US", origin: "https://app.test" }),
    );
    assert.deepEqual(usCsv[1]!.slice(0, 3), ["11/09/2026", "Gum", "-0.05"]);

    const bad = await get("format=quickbooks&from=2026-02-30&to=2026-03-01");
    assert.equal(bad.status, 303, "an impossible day sends the form back, no file");
    assert.match(bad.headers.get("location")!, /^\/purchases\?export=1&.*export_from=2026-02-30/);
    assert.equal((await get("format=quickbooks&from=2026-11-10&to=2026-11-01")).status, 303);
    assert.equal((await get("format=quickbooks&month=2026-11", "member")).status, 403);
    assert.equal((await get("format=quickbooks&month=2026-11", "cardholder")).status, 403);
    assert.equal((await get("format=quickbooks&month=2026-11", "admin")).status, 200);
    const none = await purchasesExportResponse(db, null, new URLSearchParams("month=2026-11"), { origin: "x" });
    assert.equal(none.status, 401);
  });
});
