import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { control, startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { authorize, CARDHOLDER, fundedCard, issuingAccount, type IssuingSetup } from "./fixtures";

let t: TestSandbox;
let s: IssuingSetup;
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 30 } });
  s = await fundedCard(t.stripe, 50_000);
});
after(() => t.close());

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");
const evidenceFile = (opts: { stripeAccount: string }, purpose = "dispute_evidence") =>
  t.stripe.files.create(
    {
      purpose: purpose as Stripe.FileCreateParams.Purpose,
      file: { data: PDF, name: "receipt.pdf", type: "application/pdf" },
    },
    opts,
  );
const capture = async (amount: number, setup = s) =>
  (
    await t.stripe.testHelpers.issuing.authorizations.capture(
      (await authorize(t.stripe, setup, amount)).id,
      {},
      setup.opts,
    )
  ).transactions[0] as Stripe.Issuing.Transaction;
const refusedOn = (param: string, pattern?: RegExp) => (e: Stripe.errors.StripeError) =>
  e.statusCode === 400 && e.param === param && (!pattern || pattern.test(e.message));

test("only a captured, unrefunded purchase can be disputed: not an authorization, a refund, or a refunded capture", async () => {
  const pending = await authorize(t.stripe, s, 700);
  await assert.rejects(
    t.stripe.issuing.disputes.create({ transaction: pending.id }, s.opts),
    refusedOn("transaction", /No such issuing.transaction/),
    "an uncaptured authorization is not a transaction",
  );
  const txn = await capture(900);
  const refund = await t.stripe.testHelpers.issuing.transactions.refund(txn.id, { refund_amount: 100 }, s.opts);
  await assert.rejects(
    t.stripe.issuing.disputes.create({ transaction: refund.id }, s.opts),
    refusedOn("transaction", /refund/),
  );
  await assert.rejects(
    t.stripe.issuing.disputes.create({ transaction: txn.id }, s.opts),
    refusedOn("transaction", /refunded/),
  );
  assert.equal((await t.stripe.issuing.transactions.retrieve(txn.id, {}, s.opts)).dispute, null, "nothing changed");
  const old = await capture(400);
  await control(t.url, "/_sandbox/clock", { advance_seconds: 110 * 86_400 });
  await assert.rejects(
    t.stripe.issuing.disputes.create({ transaction: old.id }, s.opts),
    refusedOn("transaction", /110 days/),
  );
});

test("evidence files must be this account's dispute_evidence uploads; updates while unsubmitted, metadata only once submitted", async () => {
  await control(t.url, "/_sandbox/config", { issuing_dispute_outcome: "manual" });
  const txn = await capture(1200);
  const mine = await evidenceFile(s.opts);
  const icon = await t.stripe.files.create(
    {
      purpose: "business_icon",
      file: { data: Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"), name: "i.gif" },
    },
    s.opts,
  );
  const stranger = await issuingAccount(t.stripe);
  const theirs = await evidenceFile({ stripeAccount: stranger });
  const param = "evidence[fraudulent][additional_documentation]";
  const withFile = (file: string) => ({
    transaction: txn.id,
    evidence: { reason: "fraudulent" as const, fraudulent: { explanation: "Not me", additional_documentation: file } },
  });
  await assert.rejects(t.stripe.issuing.disputes.create(withFile(theirs.id), s.opts), refusedOn(param, /No such file/));
  await assert.rejects(t.stripe.issuing.disputes.create(withFile("file_nope"), s.opts), refusedOn(param));
  await assert.rejects(t.stripe.issuing.disputes.create(withFile(icon.id), s.opts), refusedOn(param, /business_icon/));
  assert.equal((await t.stripe.issuing.transactions.retrieve(txn.id, {}, s.opts)).dispute, null);

  assert.equal((await t.stripe.issuing.cards.retrieve(String(txn.card), {}, s.opts)).latest_fraud_warning, null);
  const d = await t.stripe.issuing.disputes.create(withFile(mine.id), s.opts);
  assert.equal(d.evidence.fraudulent?.additional_documentation, mine.id);
  const warned = await t.stripe.issuing.cards.retrieve(String(txn.card), {}, s.opts);
  assert.equal(warned.latest_fraud_warning?.type, "fraud_dispute_filed", "a fraud dispute marks its card");
  const expanded = await t.stripe.issuing.disputes.retrieve(
    d.id,
    { expand: ["evidence.fraudulent.additional_documentation"] },
    s.opts,
  );
  assert.equal((expanded.evidence.fraudulent?.additional_documentation as Stripe.File).purpose, "dispute_evidence");
  await assert.rejects(
    t.stripe.issuing.disputes.update(d.id, { evidence: { fraudulent: { additional_documentation: icon.id } } }, s.opts),
    refusedOn(param),
  );
  const updated = await t.stripe.issuing.disputes.update(
    d.id,
    { amount: 1000, evidence: { fraudulent: { explanation: "Card stolen" } } },
    s.opts,
  );
  assert.deepEqual([updated.amount, updated.evidence.fraudulent?.explanation], [1000, "Card stolen"]);

  const submitted = await t.stripe.issuing.disputes.submit(d.id, {}, s.opts);
  assert.equal(submitted.status, "submitted");
  await assert.rejects(
    t.stripe.issuing.disputes.update(d.id, { evidence: { fraudulent: { explanation: "changed" } } }, s.opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400,
  );
  assert.equal((await t.stripe.issuing.disputes.update(d.id, { metadata: { case: "7" } }, s.opts)).metadata.case, "7");
  assert.equal((await control(t.url, `/_sandbox/issuing/disputes/${d.id}/close`, { status: "won" })).status, 200);
  assert.equal((await t.stripe.issuing.disputes.retrieve(d.id, {}, s.opts)).status, "won");
  await control(t.url, "/_sandbox/config", { issuing_dispute_outcome: "won" });
});

test("a won dispute on a Treasury card: the amount comes back to the financial account as a received credit", async () => {
  const cash = async () => (await t.stripe.treasury.financialAccounts.retrieve(s.fa, {}, s.opts)).balance.cash.usd ?? 0;
  const txn = await capture(2500);
  const before = await cash();
  const d = await t.stripe.issuing.disputes.create(
    { transaction: txn.id, amount: 2000, evidence: { reason: "fraudulent", fraudulent: { explanation: "Not me" } } },
    s.opts,
  );
  assert.deepEqual(d.treasury, { debit_reversal: null, received_debit: txn.treasury?.received_debit });
  assert.equal((await t.stripe.issuing.disputes.submit(d.id, {}, s.opts)).status, "won");
  assert.equal(await cash(), before + 2000, "the disputed amount, not the whole purchase");
  const credits = await t.stripe.treasury.receivedCredits.list({ financial_account: s.fa, limit: 1 }, s.opts);
  assert.deepEqual(
    [credits.data[0]?.amount, credits.data[0]?.network, credits.data[0]?.linked_flows.issuing_transaction],
    [2000, "card", txn.id],
  );
  // Disputing by the capture's received debit, as Stripe asks for Treasury cards, finds the same capture.
  const next = await capture(300);
  const byRd = await t.stripe.issuing.disputes.create(
    { treasury: { received_debit: String(next.treasury?.received_debit) } },
    s.opts,
  );
  assert.equal(byRd.transaction, next.id);
  assertLedger(t.sandbox.kernel.store);
});

test("a won dispute on the Issuing balance: an issuing_dispute balance transaction, shown with expand[]=balance_transactions", async () => {
  const acct = await issuingAccount(t.stripe);
  const opts = { stripeAccount: acct };
  const tu = await t.stripe.topups.create(
    { amount: 10_000, currency: "usd", destination_balance: "issuing" } as Stripe.TopupCreateParams,
    opts,
  );
  assert.equal((await control(t.url, `/_sandbox/topups/${tu.id}/succeed`)).status, 200);
  const holder = await t.stripe.issuing.cardholders.create(CARDHOLDER, opts);
  const card = await t.stripe.issuing.cards.create(
    { cardholder: holder.id, currency: "usd", type: "virtual", status: "active" },
    opts,
  );
  const setup = { acct, opts, fa: "", holder: holder.id, card: card.id };
  const available = async () => (await t.stripe.balance.retrieve({}, opts)).issuing?.available[0]?.amount;
  const txn = await capture(4000, setup);
  const before = await available();
  const d = await t.stripe.issuing.disputes.create(
    { transaction: txn.id, evidence: { reason: "fraudulent", fraudulent: { explanation: "Not me" } } },
    opts,
  );
  assert.equal(d.balance_transactions, undefined, "includable only");
  await t.stripe.issuing.disputes.submit(d.id, {}, opts);
  assert.equal(await available(), (before ?? 0) + 4000);
  const won = await t.stripe.issuing.disputes.retrieve(d.id, { expand: ["balance_transactions"] }, opts);
  const bt = won.balance_transactions?.[0];
  assert.deepEqual(
    [bt?.type, bt?.amount, bt?.source, won.balance_transactions?.length],
    ["issuing_dispute", 4000, d.id, 1],
  );
  const events = (await t.stripe.events.list({ limit: 10 }, opts)).data.map((e) => e.type);
  assert.ok(events.includes("issuing_dispute.funds_reinstated") && events.includes("issuing_dispute.closed"));
  assertLedger(t.sandbox.kernel.store);
});
