import { test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describeEachDatabase } from "@/db/testing";
import { disputes, operations, type Business } from "@/db/schema";
import { applyIssuingTransaction } from "@/lib/events/read-models";
import { sandboxForFile } from "@/testing/sandbox-suite";
import { seededBusinesses } from "@/testing/seeded-business";
import { issueCard } from "@/testing/issue-card";
import { DISPUTE_KIND, openDispute, openDisputeSchema, submitDispute, type UploadedFile } from "./open";
import { quietly } from "@/testing/quietly";

const sandbox = sandboxForFile();

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const pdf = (name = "receipt.pdf"): UploadedFile => ({ name, size: PDF.length, bytes: PDF });

async function cash(stripe: Stripe, business: Business): Promise<number> {
  const fa = await stripe.treasury.financialAccounts.retrieve(
    business.financialAccountId!,
    {},
    {
      stripeAccount: business.stripeAccountId!,
    },
  );
  return fa.balance.cash.usd ?? 0;
}

describeEachDatabase("disputes", (database) => {
  /** A US business with a card, an approved purchase of $12.34, captured or not, in the read model. */
  async function purchase(capture: boolean) {
    const { db } = database();
    const stripe = sandbox().stripe;
    const [{ business, ownerId }] = await seededBusinesses(db, stripe, ["US"]);
    const account = business.stripeAccountId!;
    const opts = { stripeAccount: account };
    const { card } = await issueCard(stripe, account, "treasury");
    const auth = await stripe.testHelpers.issuing.authorizations.create(
      { card, amount: 1_234, currency: "usd", merchant_data: { name: "Bad Widgets" } },
      opts,
    );
    assert.equal(auth.approved, true);
    let transaction: Stripe.Issuing.Transaction | null = null;
    if (capture) {
      await stripe.testHelpers.issuing.authorizations.capture(auth.id, {}, opts);
      transaction = (await stripe.issuing.transactions.list({ card }, opts)).data[0]!;
      await applyIssuingTransaction(db, account, transaction, new Date());
    }
    return { db, stripe, business, ownerId, card, auth, transaction };
  }
  const form = (purchase: string, clientToken = crypto.randomUUID()) => ({
    clientToken,
    purchase,
    reason: "fraudulent" as const,
    explanation: "The cardholder never shopped there",
    productType: undefined,
    eventDate: undefined,
    originalTransaction: undefined,
  });

  test("an owner disputes a captured purchase with a PDF as evidence; a double submit opens one; submitted and won, the money is back", async () => {
    const { db, stripe, business, ownerId, card, transaction } = await purchase(true);
    const before = await cash(stripe, business);
    const input = form(transaction!.id);
    const [first, second] = await Promise.all([
      openDispute(db, stripe, business, ownerId, input, pdf()),
      openDispute(db, stripe, business, ownerId, input, pdf()),
    ]);
    assert.ok(first.ok && second.ok, JSON.stringify([first, second]));
    assert.equal(first.data.id, second.data.id, "one dispute for one form");
    const opened = await stripe.issuing.disputes.list({}, { stripeAccount: business.stripeAccountId! });
    assert.equal(opened.data.length, 1);
    const d = opened.data[0]!;
    assert.equal(d.amount, 1_234);
    assert.equal(d.evidence.reason, "fraudulent");
    const fileId = d.evidence.fraudulent?.additional_documentation;
    assert.match(String(fileId), /^file_/, "the PDF went through the Files API");
    assert.ok(d.treasury?.received_debit, "a Treasury card's purchase is disputed through its ReceivedDebit");
    const [row] = await db.select().from(disputes).where(eq(disputes.id, d.id));
    assert.deepEqual([row?.status, row?.cardId, row?.transactionId], ["unsubmitted", card, transaction!.id]);

    const submitted = await submitDispute(db, stripe, business, d.id);
    assert.ok(submitted.ok, JSON.stringify(submitted));
    const final = await stripe.issuing.disputes.retrieve(d.id, {}, { stripeAccount: business.stripeAccountId! });
    assert.equal(final.status, "won", "the sandbox's default outcome");
    assert.equal(await cash(stripe, business), before + 1_234, "a won dispute returns the money");
    const again = await quietly(() => submitDispute(db, stripe, business, d.id));
    assert.equal(again.ok, false, "a dispute is submitted once");
  });

  test("an uncaptured purchase is refused next to the purchase; nothing is created", async () => {
    const { db, stripe, business, ownerId, auth } = await purchase(false);
    const result = await openDispute(db, stripe, business, ownerId, form(auth.id), pdf());
    assert.equal(result.ok, false);
    assert.match((!result.ok && result.error.fields?.purchase) || "", /isn't captured yet/);
    const list = await stripe.issuing.disputes.list({}, { stripeAccount: business.stripeAccountId! });
    assert.equal(list.data.length, 0);
  });

  test("a text file named .pdf, or a file over 5 MB, is refused next to the file; nothing is uploaded or created", async () => {
    const { db, stripe, business, ownerId, transaction } = await purchase(true);
    const text = new TextEncoder().encode("just some text, not a receipt");
    const wrong = await openDispute(db, stripe, business, ownerId, form(transaction!.id), {
      name: "receipt.pdf",
      size: text.length,
      bytes: text,
    });
    assert.equal(wrong.ok, false);
    assert.match((!wrong.ok && wrong.error.fields?.file) || "", /isn't a PDF, JPEG or PNG/);
    const big = await openDispute(db, stripe, business, ownerId, form(transaction!.id), {
      name: "scan.pdf",
      size: 5 * 1024 * 1024 + 1,
      bytes: PDF,
    });
    assert.match((!big.ok && big.error.fields?.file) || "", /limit is 5 MB/);
    const opts = { stripeAccount: business.stripeAccountId! };
    assert.equal((await stripe.issuing.disputes.list({}, opts)).data.length, 0);
    assert.equal((await stripe.files.list({ purpose: "dispute_evidence" }, opts)).data.length, 0);
    const ops = await db
      .select()
      .from(operations)
      .where(and(eq(operations.businessId, business.id), eq(operations.kind, DISPUTE_KIND)));
    assert.equal(ops.length, 0, "no operation was even started");
  });

  test("another business's purchase looks missing", async () => {
    const { db, stripe, transaction } = await purchase(true);
    const [{ business: other, ownerId }] = await seededBusinesses(db, stripe, ["US"]);
    const result = await openDispute(db, stripe, other, ownerId, form(transaction!.id), null);
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.error.fields?.purchase);
  });

  test("a duplicate charge names the earlier purchase on the same card; a not-received purchase its expected date; both submit, and a lost one keeps the money out", async () => {
    const { db, stripe, business, ownerId, card, transaction } = await purchase(true);
    const account = business.stripeAccountId!;
    const opts = { stripeAccount: account };
    const again = await stripe.testHelpers.issuing.authorizations.create(
      { card, amount: 1_234, currency: "usd", merchant_data: { name: "Bad Widgets" } },
      opts,
    );
    await stripe.testHelpers.issuing.authorizations.capture(again.id, {}, opts);
    const second = (await stripe.issuing.transactions.list({ card }, opts)).data.find((t) => t.id !== transaction!.id)!;
    await applyIssuingTransaction(db, account, second, new Date());

    // The reason's own question is asked: a duplicate without the earlier purchase is refused by the form's rules.
    const missing = openDisputeSchema.safeParse({ ...form(second.id), reason: "duplicate" });
    assert.equal(missing.success, false);
    assert.deepEqual(
      missing.error?.issues.map((i) => i.path.join(".")),
      ["originalTransaction"],
    );
    const future = openDisputeSchema.safeParse({ ...form(second.id), reason: "canceled", eventDate: "2999-01-01" });
    assert.deepEqual(
      future.error?.issues.map((i) => [i.path.join("."), i.message]),
      [["eventDate", "That date is in the future"]],
    );

    const dup = openDisputeSchema.parse({
      ...form(second.id),
      reason: "duplicate",
      originalTransaction: transaction!.id,
    });
    const opened = await openDispute(db, stripe, business, ownerId, dup, null);
    assert.ok(opened.ok, JSON.stringify(opened));
    const d = await stripe.issuing.disputes.retrieve(opened.data.id, {}, opts);
    assert.deepEqual([d.evidence.reason, d.evidence.duplicate?.original_transaction], ["duplicate", transaction!.id]);
    assert.ok((await submitDispute(db, stripe, business, d.id)).ok, "Stripe has what a duplicate needs");

    // Lost: the sandbox decides by hand here; the money stays spent.
    await sandbox().control("/_sandbox/config", { issuing_dispute_outcome: "manual" });
    try {
      const nr = openDisputeSchema.parse({
        ...form(transaction!.id),
        reason: "not_received",
        eventDate: "2026-11-02",
        productType: "merchandise",
      });
      const notReceived = await openDispute(db, stripe, business, ownerId, nr, null);
      assert.ok(notReceived.ok, JSON.stringify(notReceived));
      const n = await stripe.issuing.disputes.retrieve(notReceived.data.id, {}, opts);
      assert.equal(n.evidence.not_received?.expected_at, Date.parse("2026-11-02T12:00:00Z") / 1000);
      assert.equal(n.evidence.not_received?.product_type, "merchandise");
      const before = await cash(stripe, business);
      assert.ok((await submitDispute(db, stripe, business, n.id)).ok);
      await sandbox().control(`/_sandbox/issuing/disputes/${n.id}/close`, { status: "lost" });
      const lost = await stripe.issuing.disputes.retrieve(n.id, {}, opts);
      assert.equal(lost.status, "lost");
      assert.equal(await cash(stripe, business), before, "a lost dispute returns nothing");
    } finally {
      await sandbox().control("/_sandbox/config", { issuing_dispute_outcome: "won" });
    }
  });

  test("a duplicate of a purchase on another card is refused next to that field", async () => {
    const { db, stripe, business, ownerId, transaction } = await purchase(true);
    const other = await purchase(true);
    const input = openDisputeSchema.parse({
      ...form(transaction!.id),
      reason: "duplicate",
      originalTransaction: other.transaction!.id,
    });
    const result = await openDispute(db, stripe, business, ownerId, input, null);
    assert.equal(result.ok, false);
    assert.match((!result.ok && result.error.fields?.originalTransaction) || "", /same card/);
  });
});
