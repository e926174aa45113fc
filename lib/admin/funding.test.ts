import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { describeEachDatabase } from "@/db/testing";
import type { Db } from "@/db/connect";
import { auditLog, operations, type Business } from "@/db/schema";
import { executeAction } from "@/lib/actions/execute";
import { FUNDING_KIND } from "./funding";
import { platformTreasuryAccount, platformV2UsdAccount } from "./platform-accounts";
import { actors, makeBusiness, testDeps } from "@/testing/admin-fixtures";
import { v1Ledger, v2All, v2Ledger } from "@/testing/faults/helpers";
import { ledgerViolations } from "@/testing/sandbox-ledger";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { SEEDED_NAME, seededBusinesses } from "@/testing/seeded-business";
import { recordRequests, type SentRequest } from "@/testing/stripe-clients";
import { adminActions } from "./actions";

const PAYMENTS = "/v2/money_management/outbound_payments";

const sandbox = sandboxForFile({ SANDBOX_TREASURY_ACTIVATION_DELAY_MS: "0" });

/** The platform's v2 USD account, which the demo seed credits and which funds stablecoin businesses. */
async function platformUsd(): Promise<{ id: string; available: number }> {
  const fa = await platformV2UsdAccount(sandbox().stripe);
  assert.ok(fa, "the sandbox platform has a v2 USD financial account");
  return { id: String(fa.id), available: (await v2Ledger(sandbox().stripe, String(fa.id), "usd")).balance.available };
}

/** A US business's Treasury ledger, and the platform's Treasury cash that funds it. */
const usLedger = (biz: Business) => v1Ledger(sandbox().stripe, biz.financialAccountId!, biz.stripeAccountId!);
const platformCash = async () => (await platformTreasuryAccount(sandbox().stripe))?.balance.cash.usd ?? 0;

/**
 * The double-submit set-up each rail shares: a seeded business of `country`, its admin, a snapshot
 * of whatever the test compares afterwards, then one funding form submitted twice at once while the
 * requests reaching Stripe are recorded. Both submits must succeed with the same Stripe object.
 */
async function doubleSubmit<T>(
  db: Db,
  country: keyof typeof SEEDED_NAME,
  entered: { amount: string; clientToken: string },
  snapshot: (biz: Business) => Promise<T>,
) {
  const [{ business: biz }] = await seededBusinesses(db, sandbox().stripe, [country]);
  const { admin } = await actors(db, biz);
  const before = await snapshot(biz);
  const spec = adminActions(() => testDeps(db, sandbox().stripe)).fund;
  const form = { businessId: biz.id, ...entered };
  const sent = recordRequests(sandbox().stripe);
  const [first, second] = await Promise.all([
    executeAction(db, admin, spec, form),
    executeAction(db, admin, spec, form),
  ]).finally(sent.stop);
  assert.ok(first.ok && second.ok, JSON.stringify([first, second]));
  assert.equal(first.data.stripeObjectId, second.data.stripeObjectId);
  return { biz, admin, form, before, sent, funded: first.data };
}

/** The business's one funding operation, whose id keyed the one request to Stripe. */
async function oneOperationKeying(db: Db, businessId: string, posts: SentRequest[]) {
  const ops = await db
    .select()
    .from(operations)
    .where(and(eq(operations.kind, FUNDING_KIND), eq(operations.businessId, businessId)));
  assert.equal(ops.length, 1);
  assert.equal(posts[0]!.idempotencyKey, `op-${ops[0]!.id}`);
  return ops[0]!;
}

describeEachDatabase("platform funding", (database) => {
  test("a double submit of one form creates one operation and one payment, keyed by the operation", async () => {
    const { db } = database();
    const {
      biz,
      admin,
      before: platform,
      sent,
      funded,
    } = await doubleSubmit(db, "MX", { amount: "50.00", clientToken: "token-0123456789abcdef" }, platformUsd);
    assert.deepEqual(funded.debited, { amount: 5000, currency: "usd" });
    assert.deepEqual(funded.credited, { amount: 5000, currency: "usdc" });
    const posts = sent.calls.filter((c) => c.method === "POST" && c.path === PAYMENTS);
    assert.equal(posts.length, 1, "one payment request");
    const payments = (await v2All(sandbox().stripe, `${PAYMENTS}?limit=100`)).filter(
      (p) => p.to?.recipient === biz.stripeAccountId && p.description === "Funding from the platform",
    );
    assert.equal(payments.length, 1, "money moved once");
    assert.equal((await oneOperationKeying(db, biz.id, posts)).status, "succeeded");
    const [payment] = payments;
    assert.equal(payment!.id, funded.stripeObjectId);
    assert.deepEqual(
      [payment!.from, payment!.to, payment!.amount],
      [
        { financial_account: platform.id, debited: { value: 5000, currency: "usd" } },
        {
          recipient: biz.stripeAccountId,
          payout_method: biz.financialAccountId,
          credited: { value: 5000, currency: "usdc" },
        },
        { value: 5000, currency: "usd" },
      ],
    );
    assert.equal((await platformUsd()).available, platform.available - 5000, "the platform paid 50.00 once");
    const audit = await db.select().from(auditLog).where(eq(auditLog.businessId, biz.id));
    assert.ok(audit.some((a) => a.action === "admin.account.funded" && a.actorUserId === admin.actor.userId));
    assert.deepEqual(await ledgerViolations(sandbox().url), [], "the sandbox's ledger is consistent");
  });

  test("amounts are parsed as decimal strings and bad ones are refused next to the field", async () => {
    const { db } = database();
    const biz = await makeBusiness(db);
    const { admin } = await actors(db, biz);
    const spec = adminActions(() => testDeps(db, sandbox().stripe)).fund;
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
    const [{ business: biz }] = await seededBusinesses(db, sandbox().stripe, ["US"]);
    const { admin } = await actors(db, biz);
    const before = (await usLedger(biz)).balance;
    const platformBefore = await platformCash();
    const result = await executeAction(db, admin, adminActions(() => testDeps(db, sandbox().stripe)).fund, {
      businessId: biz.id,
      amount: "1,250.5",
      clientToken: "token-us-0000000000",
    });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.data.credited, { amount: 125050, currency: "usd" });
    assert.match(result.data.stripeObjectId, /^obp_/);
    assert.equal(await platformCash(), platformBefore - 125050, "the platform's Treasury account paid once");
    const after = (await usLedger(biz)).balance;
    assert.equal(
      after.available + after.inbound_pending - before.available - before.inbound_pending,
      125050,
      "the business's financial account received 1,250.50 once",
    );
  });

  test("US: a double submit creates one OutboundPayment from the platform's Treasury account, and moves money once", async () => {
    const { db } = database();
    const { biz, before, sent, funded } = await doubleSubmit(
      db,
      "US",
      { amount: "75.25", clientToken: "token-us-double-00000" },
      async (biz) => ({ business: (await usLedger(biz)).balance, platform: await platformCash() }),
    );
    assert.match(funded.stripeObjectId, /^obp_/);
    const posts = sent.calls.filter((c) => c.method === "POST" && c.path === "/v1/treasury/outbound_payments");
    assert.equal(posts.length, 1, "one OutboundPayment request");
    await oneOperationKeying(db, biz.id, posts);
    const platformPayments = await sandbox().stripe.treasury.outboundPayments.list({
      financial_account: (await platformTreasuryAccount(sandbox().stripe))!.id,
      limit: 100,
    });
    assert.equal(
      platformPayments.data.filter(
        (p) => p.destination_payment_method_details?.financial_account?.id === biz.financialAccountId,
      ).length,
      1,
      "one OutboundPayment for this funding",
    );
    assert.equal(await platformCash(), before.platform - 7525, "the platform's balance went down once");
    const after = (await usLedger(biz)).balance;
    assert.equal(
      after.available + after.inbound_pending - before.business.available - before.business.inbound_pending,
      7525,
      "the business's financial account received 75.25 once",
    );
    assert.deepEqual(await ledgerViolations(sandbox().url), [], "the sandbox's ledger is consistent");
  });

  test("a Stripe refusal fails the operation with a mapped message, never Stripe's own", async () => {
    const { db } = database();
    const [{ business: biz }] = await seededBusinesses(db, sandbox().stripe, ["MX"]);
    const { admin } = await actors(db, biz);
    // One dollar more than the platform holds: the sandbox refuses it, as Stripe does.
    const tooMuch = (await platformUsd()).available + 100;
    const logged: string[] = [];
    const quiet = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(" "));
    const result = await executeAction(db, admin, adminActions(() => testDeps(db, sandbox().stripe)).fund, {
      businessId: biz.id,
      amount: String(tooMuch / 100),
      clientToken: "token-short-00000000",
    }).finally(() => (console.error = quiet));
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, "insufficient_funds");
    const stripeSaid = logged.find((line) => line.includes("available but this needs"));
    assert.ok(stripeSaid, `Stripe's own words are logged: ${logged.join("\n")}`);
    assert.doesNotMatch(JSON.stringify(result), /available but this needs|fa_test_/);
    const [op] = await db.select().from(operations).where(eq(operations.businessId, biz.id));
    assert.equal(op?.status, "failed");
    assert.deepEqual(await ledgerViolations(sandbox().url), [], "the refusal left the ledger consistent");
  });

  test("UK businesses: in sandbox mode a bank transfer into their Issuing balance, in GBP, once per form; refused against Stripe", async () => {
    const { db } = database();
    const issuingGbp = async (biz: Business) =>
      (await sandbox().stripe.balance.retrieve({}, { stripeAccount: biz.stripeAccountId! })).issuing?.available.find(
        (a) => a.currency === "gbp",
      )?.amount ?? 0;
    const { biz, admin, form, before, sent, funded } = await doubleSubmit(
      db,
      "GB",
      { amount: "500", clientToken: "token-uk-00000000000" },
      issuingGbp,
    );
    const balance = () => issuingGbp(biz);
    assert.deepEqual(funded.credited, { amount: 50_000, currency: "gbp" });
    assert.equal(sent.calls.filter((c) => c.path === "/v1/test_helpers/issuing/fund_balance").length, 1);
    assert.equal(await balance(), before + 50_000, "arrived once");
    assert.deepEqual(await ledgerViolations(sandbox().url), [], "the sandbox's ledger is consistent");

    const live = adminActions(() => ({ ...testDeps(db, sandbox().stripe), mode: "stripe" as const })).fund;
    const refused = await executeAction(db, admin, live, { ...form, clientToken: "token-uk-live-000000" });
    assert.match((!refused.ok && refused.error.fields?.amount) || "", /bank transfer/);
    assert.equal(await balance(), before + 50_000, "nothing moved");
    assert.deepEqual(await ledgerViolations(sandbox().url), [], "the refusal left the ledger consistent");
  });
});
