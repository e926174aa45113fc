import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describeEachDatabase } from "@/db/testing";
import { operations } from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import { adminActions } from "@/lib/admin/actions";
import { actors, makeBusiness, testDeps } from "@/testing/admin-fixtures";
import { until } from "@/testing/faults/helpers";

// Fault: an admin double-clicks "Fund" and then Stripe goes away. The first request reached
// Stripe (the payment exists) but its answer is lost; the second arrived while the first was
// still running and got Stripe's 409 `idempotency_key_in_use`. That 409 is not a refusal: the
// funding must stay retryable, and the retry must find the one payment, not tell the admin to
// start a new funding (which would move the money twice).

/** A Stripe whose one v2 outbound payment per idempotency key behaves like the real one under this race. */
function racingStripe() {
  const payments = new Map<string, Record<string, unknown>>();
  const inProgress = new Set<string>();
  let loseAnswer: (() => void) | null = null;
  const stripe = {
    rawRequest: async (
      method: string,
      path: string,
      body?: { amount?: { value: number } },
      opts?: { idempotencyKey?: string },
    ) => {
      if (method === "GET" && path === "/v2/money_management/financial_accounts")
        return { data: [{ id: "fa_test_platform", status: "open", storage: { holds_currencies: ["usd"] } }] };
      if (method === "GET" && path.startsWith("/v2/money_management/financial_accounts/"))
        return { id: path.split("/").pop(), status: "open", balance: {} };
      if (method === "POST" && path === "/v2/money_management/outbound_payments") {
        const key = opts!.idempotencyKey!;
        if (inProgress.has(key))
          throw Object.assign(new Error("another request with this idempotency key is in progress"), {
            type: "StripeIdempotencyError",
            statusCode: 409,
            code: "idempotency_key_in_use",
          });
        const existing = payments.get(key);
        if (existing) return existing;
        const value = body!.amount!.value;
        payments.set(key, {
          id: `obp_test_${payments.size + 1}`,
          from: { debited: { value, currency: "usd" } },
          to: { credited: { value, currency: "usdc" } },
        });
        inProgress.add(key);
        // The payment is made; its answer is lost when the connection drops.
        return new Promise((_, reject) => {
          loseAnswer = () => {
            inProgress.delete(key);
            reject(Object.assign(new Error("socket hang up"), { type: "StripeConnectionError" }));
          };
        });
      }
      throw new Error(`unexpected Stripe call ${method} ${path}`);
    },
  } as unknown as Stripe;
  return { stripe, payments, inProgress, loseAnswer: () => loseAnswer?.() };
}

describeEachDatabase("platform funding: double submit, then the connection drops", (database) => {
  test("the click that got a 409 leaves the funding pending, and the retry answers with the one payment", async () => {
    const { db } = database();
    const fake = racingStripe();
    const biz = await makeBusiness(db);
    const { admin } = await actors(db, biz);
    const spec = adminActions(() => testDeps(db, fake.stripe)).fund;
    const form = { businessId: biz.id, amount: "75.00", clientToken: "token-double-then-drop-0001" };
    const quiet = console.error;
    console.error = () => {}; // Stripe failures are logged by the action; expected here
    try {
      const first = executeAction(db, admin, spec, form);
      await until("the first click to reach Stripe", async () => fake.inProgress.size === 1);
      const second = await executeAction(db, admin, spec, form);
      assert.deepEqual(
        second.ok ? "ok" : second.error.code,
        "stripe_unavailable",
        "the second click is told to try again",
      );
      fake.loseAnswer();
      const lost = await first;
      assert.equal(lost.ok, false);

      const [op] = await db.select().from(operations).where(eq(operations.businessId, biz.id));
      assert.equal(op?.status, "pending", "neither the 409 nor the lost answer is a refusal");

      const retry = await executeAction(db, admin, spec, form);
      assert.ok(retry.ok, JSON.stringify(retry));
      assert.equal(retry.data.stripeObjectId, "obp_test_1");
      assert.equal(fake.payments.size, 1, "the money moved once");
      const [done] = await db.select().from(operations).where(eq(operations.businessId, biz.id));
      assert.equal(done?.status, "succeeded");
      assert.equal(done?.stripeObjectId, "obp_test_1");
    } finally {
      console.error = quiet;
    }
  });
});
