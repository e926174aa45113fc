import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { auditLog, operations } from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import { FUNDING_KIND } from "./funding";
import { actors, fakeStripe, makeBusiness, testDeps } from "@/testing/admin-fixtures";
import { adminActions } from "./actions";

const PLATFORM_FA = { id: "fa_test_platform", status: "open", storage: { holds_currencies: ["usd"] } };

function stablecoinStripe() {
  return fakeStripe({
    "GET /v2/money_management/financial_accounts": () => ({ data: [PLATFORM_FA] }),
    "POST /v2/money_management/outbound_payments": (body) => {
      const b = body as { amount: { value: number } };
      return {
        id: `obp_test_${Math.random()}`,
        from: { debited: { value: b.amount.value, currency: "usd" } },
        to: { credited: { value: b.amount.value, currency: "usdc" } },
      };
    },
    "GET /v2/money_management/financial_accounts/fa_test_1": () => ({ id: "x", status: "open", balance: {} }),
  });
}

describeEachDatabase("platform funding", (database) => {
  test("a double submit of one form creates one operation and one payment, keyed by the operation", async () => {
    const { db } = database();
    const fake = stablecoinStripe();
    const biz = await makeBusiness(db);
    const { admin } = await actors(db, biz);
    const spec = adminActions(() => testDeps(db, fake.stripe)).fund;
    const form = { businessId: biz.id, amount: "50.00", clientToken: "token-0123456789abcdef" };
    const [first, second] = await Promise.all([
      executeAction(db, admin, spec, form),
      executeAction(db, admin, spec, form),
    ]);
    assert.ok(first.ok && second.ok, JSON.stringify([first, second]));
    assert.deepEqual(first.data.debited, { amount: 5000, currency: "usd" });
    assert.deepEqual(first.data.credited, { amount: 5000, currency: "usdc" });
    assert.equal(first.data.stripeObjectId, second.data.stripeObjectId);
    const payments = fake.calls.filter((c) => c.path === "/v2/money_management/outbound_payments");
    assert.equal(payments.length, 1, "money moved once");
    const ops = await db
      .select()
      .from(operations)
      .where(and(eq(operations.kind, FUNDING_KIND), eq(operations.businessId, biz.id)));
    assert.equal(ops.length, 1);
    assert.equal(payments[0]!.idempotencyKey, `op-${ops[0]!.id}`);
    assert.equal(ops[0]!.status, "succeeded");
    assert.deepEqual(payments[0]!.body, {
      from: { financial_account: PLATFORM_FA.id, currency: "usd" },
      to: { recipient: biz.stripeAccountId, payout_method: biz.financialAccountId, currency: "usdc" },
      amount: { value: 5000, currency: "usd" },
      description: "Funding from the platform",
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.businessId, biz.id));
    assert.ok(audit.some((a) => a.action === "admin.account.funded" && a.actorUserId === admin.actor.userId));
  });

  test("amounts are parsed as decimal strings and bad ones are refused next to the field", async () => {
    const { db } = database();
    const biz = await makeBusiness(db);
    const { admin } = await actors(db, biz);
    const spec = adminActions(() => testDeps(db, stablecoinStripe().stripe)).fund;
    const bad = await executeAction(db, admin, spec, {
      businessId: biz.id,
      amount: "12.345",
      clientToken: "token-bad-amount-000",
    });
    assert.equal(bad.ok, false);
    assert.equal(!bad.ok && bad.error.fields?.amount, "Use at most 2 decimal places");
    assert.equal((await db.select().from(operations).where(eq(operations.businessId, biz.id))).length, 0);
  });

  test("US businesses are funded by a Treasury outbound payment from the platform's financial account", async () => {
    const { db } = database();
    const fake = fakeStripe({
      "GET /v1/treasury/financial_accounts": () => ({
        data: [{ id: "fa_platform", status: "open", supported_currencies: ["usd"] }],
      }),
      "POST /v1/treasury/outbound_payments": (body) => ({
        id: "obp_1",
        amount: (body as { amount: number }).amount,
        currency: "usd",
      }),
      "GET /v1/treasury/financial_accounts/fa_us": () => ({
        id: "fa_us",
        status: "open",
        balance: { cash: {}, inbound_pending: {}, outbound_pending: {} },
        created: 1,
      }),
    });
    const biz = await makeBusiness(db, { country: "US", fundingModel: "treasury", financialAccountId: "fa_us" });
    const { admin } = await actors(db, biz);
    const result = await executeAction(db, admin, adminActions(() => testDeps(db, fake.stripe)).fund, {
      businessId: biz.id,
      amount: "1,250.5",
      clientToken: "token-us-0000000000",
    });
    assert.ok(result.ok);
    assert.deepEqual(result.data.credited, { amount: 125050, currency: "usd" });
    const call = fake.calls.find((c) => c.path === "/v1/treasury/outbound_payments");
    assert.deepEqual(call?.body, {
      financial_account: "fa_platform",
      amount: 125050,
      currency: "usd",
      destination_payment_method_data: { type: "financial_account", financial_account: "fa_us" },
      description: "Funding from the platform",
    });
  });

  test("a Stripe refusal fails the operation with a mapped message, never Stripe's own", async () => {
    const { db } = database();
    const fake = fakeStripe({
      "GET /v2/money_management/financial_accounts": () => ({ data: [PLATFORM_FA] }),
      "POST /v2/money_management/outbound_payments": () => {
        throw Object.assign(new Error("internal detail: ledger holder fa_test_platform short by 5000"), {
          statusCode: 400,
          raw: { type: "insufficient_funds" },
        });
      },
    });
    const biz = await makeBusiness(db);
    const { admin } = await actors(db, biz);
    const result = await executeAction(db, admin, adminActions(() => testDeps(db, fake.stripe)).fund, {
      businessId: biz.id,
      amount: "50",
      clientToken: "token-short-00000000",
    });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, "insufficient_funds");
    assert.doesNotMatch(JSON.stringify(result), /ledger holder/);
    const [op] = await db.select().from(operations).where(eq(operations.businessId, biz.id));
    assert.equal(op?.status, "failed");
  });
});
