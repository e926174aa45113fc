import { test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import { operations } from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import { adminActions } from "@/lib/admin/actions";
import { actors, testDeps } from "@/testing/admin-fixtures";
import { v2All, v2Ledger } from "@/testing/faults/helpers";
import { sandboxClient } from "@/testing/sandbox-process";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { seededBusinesses } from "@/testing/seeded-business";
import { droppedAnswer } from "@/testing/stripe-clients";

// Fault: an admin double-clicks "Fund" and then Stripe goes away. The first request reached
// Stripe (the payment exists) but its answer is lost; the second arrived while the first was
// still running and got Stripe's 409 `idempotency_key_in_use`. That 409 is not a refusal: the
// funding must stay retryable, and the retry must find the one payment, not tell the admin to
// start a new funding (which would move the money twice).

const PAYMENTS = "/v2/money_management/outbound_payments";

const sandbox = sandboxForFile({ SANDBOX_TREASURY_ACTIVATION_DELAY_MS: "0" });

describeEachDatabase("platform funding: double submit, then the connection drops", (database) => {
  test("the click that got a 409 leaves the funding pending, and the retry answers with the one payment", async () => {
    const { db } = database();
    const [{ business: biz }] = await seededBusinesses(db, sandbox().stripe, ["MX"]);
    const { admin } = await actors(db, biz);
    const connection = droppedAnswer((method, path) => method === "POST" && path === PAYMENTS);
    const stripe = sandboxClient(sandbox().url, { httpClient: connection.httpClient });
    const spec = adminActions(() => testDeps(db, stripe)).fund;
    const form = { businessId: biz.id, amount: "75.00", clientToken: "token-double-then-drop-0001" };
    const usdc = async () =>
      (await v2Ledger(sandbox().stripe, biz.financialAccountId!, "usdc", biz.stripeAccountId!)).balance.available;
    const before = await usdc();
    const quiet = console.error;
    console.error = () => {}; // Stripe failures are logged by the action; expected here
    try {
      const first = executeAction(db, admin, spec, form);
      await connection.reached;
      const second = await executeAction(db, admin, spec, form);
      assert.deepEqual(
        second.ok ? "ok" : second.error.code,
        "stripe_unavailable",
        "the second click is told to try again",
      );
      connection.release();
      const lost = await first;
      assert.equal(lost.ok, false);
      const made = String(connection.lostAnswer?.id);
      assert.match(made, /^obp_/, "the sandbox made the payment whose answer was lost");

      const [op] = await db.select().from(operations).where(eq(operations.businessId, biz.id));
      assert.equal(op?.status, "pending", "neither the 409 nor the lost answer is a refusal");

      const retry = await executeAction(db, admin, spec, form);
      assert.ok(retry.ok, JSON.stringify(retry));
      assert.equal(retry.data.stripeObjectId, made);
      const payments = (await v2All(sandbox().stripe, `${PAYMENTS}?limit=100`)).filter(
        (p) => p.to?.recipient === biz.stripeAccountId && p.description === "Funding from the platform",
      );
      assert.deepEqual(
        payments.map((p) => p.id),
        [made],
        "the money moved once",
      );
      assert.equal(await usdc(), before + 7500, "the business received 75.00 USDC once");
      const [done] = await db.select().from(operations).where(eq(operations.businessId, biz.id));
      assert.equal(done?.status, "succeeded");
      assert.equal(done?.stripeObjectId, made);
    } finally {
      console.error = quiet;
    }
  });
});
