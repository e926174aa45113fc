import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { control, eventually, startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { CARDHOLDER } from "../issuing/fixtures";

/**
 * The UK/EEA funding model: a GB Custom account's Issuing balance, pushed to by bank transfer (funding
 * instructions), spent by cards, paid out. Pull top-ups (pending, then settled) are US-only: a US account's here.
 */
let t: TestSandbox;
before(async () => {
  // Payouts stay pending until a control settles them (one test turns the settle-later knob on).
  t = await startTestSandbox({ config: { payoutSettleMs: null, topupSettleMs: null, rtaUrl: "off" } });
});
after(() => t.close());

const TOS = { date: 1700000000, ip: "127.0.0.1" };
const ok = () => assertLedger(t.sandbox.kernel.store);
const issuingAvailable = async (opts: { stripeAccount: string }) =>
  (await t.stripe.balance.retrieve({}, opts)).issuing?.available;

async function gbAccount(): Promise<{ stripeAccount: string }> {
  const { stripe } = t;
  const acct = await stripe.accounts.create({
    type: "custom",
    country: "GB",
    email: "jenny.rosen@example.com",
    capabilities: { card_issuing: { requested: true }, transfers: { requested: true } },
  });
  assert.equal(acct.default_currency, "gbp");
  await stripe.accounts.update(acct.id, {
    business_type: "individual",
    business_profile: { mcc: "5734", url: "https://example.com" },
    individual: {
      first_name: "Jenny",
      last_name: "Rosen",
      email: "jenny@example.com",
      phone: "+447700900000",
      id_number: "000000000",
      dob: { day: 1, month: 1, year: 1901 },
      address: { line1: "address_full_match", city: "London", postal_code: "EC1A 1AA" },
    },
    external_account: {
      object: "bank_account",
      country: "GB",
      currency: "gbp",
      routing_number: "108800",
      account_number: "00012345",
    },
    tos_acceptance: TOS,
    settings: { card_issuing: { tos_acceptance: TOS } },
  });
  await eventually(async () => {
    const caps = (await stripe.accounts.retrieve(acct.id)).capabilities;
    return caps?.card_issuing === "active" && caps.transfers === "active";
  });
  return { stripeAccount: acct.id };
}

/** A US Custom account: the only kind of connected account that pulls top-ups from a bank. */
async function usAccount(): Promise<{ stripeAccount: string }> {
  const acct = await t.stripe.accounts.create({ type: "custom", country: "US", email: "jenny.rosen@example.com" });
  assert.equal(acct.default_currency, "usd");
  return { stripeAccount: acct.id };
}

type FundingInstructions = Stripe.FundingInstructions;
const GBP_INSTRUCTIONS = {
  funding_type: "bank_transfer",
  bank_transfer: { type: "gb_bank_transfer" },
  currency: "gbp",
};

/** `POST /v1/issuing/funding_instructions` and the test helper: endpoints stripe@23 has no method for. */
async function raw<T = Record<string, unknown>>(
  method: "GET" | "POST",
  path: string,
  params: Record<string, unknown>,
  opts: { stripeAccount?: string },
): Promise<T> {
  return (await t.stripe.rawRequest(method, path, params, opts)) as unknown as T;
}
const fundingInstructions = (opts: { stripeAccount: string }, params: Record<string, unknown> = GBP_INSTRUCTIONS) =>
  raw<FundingInstructions>("POST", "/v1/issuing/funding_instructions", params, opts);
const fundBalance = (opts: { stripeAccount: string }, amount: number, currency = "gbp") =>
  raw<FundingInstructions>("POST", "/v1/test_helpers/issuing/fund_balance", { amount, currency }, opts);

/** A GB account whose Issuing balance received one bank transfer of `amount`. */
async function fundedGb(amount: number): Promise<{ stripeAccount: string }> {
  const opts = await gbAccount();
  await fundingInstructions(opts);
  await fundBalance(opts, amount);
  return opts;
}

const types = async (opts: { stripeAccount: string }, type: string) =>
  (await t.stripe.events.list({ type, limit: 100 }, opts)).data;

test("a GB account: gbp, card_issuing + transfers go active, treasury is refused", async () => {
  const { stripe } = t;
  for (const country of ["GB", "FR"])
    await assert.rejects(
      stripe.accounts.create({
        type: "custom",
        country,
        capabilities: { card_issuing: { requested: true }, treasury: { requested: true } },
      }),
      (e: Stripe.errors.StripeError) =>
        e.statusCode === 400 &&
        e.type === "StripeInvalidRequestError" &&
        e.param === "capabilities[treasury]" &&
        e.message.includes(`accounts in ${country}`),
    );
  const fr = await stripe.accounts.create({ type: "custom", country: "FR" });
  assert.equal(fr.default_currency, "eur");
  const opts = await gbAccount();
  await assert.rejects(
    stripe.accounts.update(opts.stripeAccount, { capabilities: { treasury: { requested: true } } }),
    (e: Stripe.errors.StripeError) => e.param === "capabilities[treasury]",
  );
  const acct = await stripe.accounts.retrieve(opts.stripeAccount);
  assert.equal(acct.payouts_enabled, true);
  const bank = acct.external_accounts?.data[0] as Stripe.BankAccount;
  assert.deepEqual([bank.country, bank.currency, bank.routing_number, bank.last4], ["GB", "gbp", "108800", "2345"]);
});

test("a US account's pull top-up: pending (not available) → succeed → available, with a topup balance transaction and events", async () => {
  const { stripe } = t;
  const opts = await usAccount();
  const tu = await stripe.topups.create(
    {
      amount: 10_000,
      currency: "usd",
      destination_balance: "issuing",
      description: "Card float",
      metadata: { ref: "a1" },
    } as Stripe.TopupCreateParams,
    { ...opts, idempotencyKey: "tu-a1" },
  );
  assert.equal(tu.status, "pending");
  assert.equal(tu.balance_transaction, null);
  assert.ok((tu.expected_availability_date ?? 0) > tu.created);
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 0, currency: "usd" }]);
  assert.deepEqual(
    (await stripe.topups.list({ status: "pending" }, opts)).data.map((x) => x.id),
    [tu.id],
  );
  ok();
  await assert.rejects(
    stripe.topups.create(
      { amount: 100, currency: "eur", destination_balance: "issuing" } as Stripe.TopupCreateParams,
      opts,
    ),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === "currency",
  );

  const done = await control(t.url, `/_sandbox/topups/${tu.id}/succeed`);
  assert.equal(done.status, 200);
  assert.equal(done.body.status, "succeeded");
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 10_000, currency: "usd" }]);
  const again = await control(t.url, `/_sandbox/topups/${tu.id}/succeed`);
  assert.equal(again.status, 400, "a settled top-up does not settle twice");
  assert.match(String((again.body.error as { message: string }).message), /pending/);
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 10_000, currency: "usd" }]);

  const read = await stripe.topups.retrieve(tu.id, { expand: ["balance_transaction"] }, opts);
  const bt = read.balance_transaction as Stripe.BalanceTransaction;
  assert.deepEqual(
    [bt.type, bt.amount, bt.net, bt.fee, bt.balance_type, bt.source, bt.reporting_category, bt.currency],
    ["topup", 10_000, 10_000, 0, "issuing", tu.id, "topup", "usd"],
  );
  const [created] = await types(opts, "topup.created");
  const [succeeded] = await types(opts, "topup.succeeded");
  assert.equal(created?.account, opts.stripeAccount, "the connected account's top-up: its events carry `account`");
  assert.equal(succeeded?.account, opts.stripeAccount);
  assert.equal((succeeded?.data.object as Stripe.Topup).status, "succeeded");
  const [available] = await types(opts, "balance.available");
  assert.deepEqual((available?.data.object as Stripe.Balance).issuing?.available, [
    { amount: 10_000, currency: "usd" },
  ]);
  // Owned by the connected account: the platform neither lists nor reads it.
  assert.equal(
    (await stripe.topups.list({ limit: 100 })).data.find((x) => x.id === tu.id),
    undefined,
  );
  await assert.rejects(stripe.topups.retrieve(tu.id), (e: Stripe.errors.StripeError) => e.statusCode === 404);
  ok();
});

test("a US account's pull top-up: pending → fail leaves nothing; cancel ends a pending one; neither moves twice", async () => {
  const { stripe } = t;
  const opts = await usAccount();
  const create = () =>
    stripe.topups.create(
      { amount: 2_500, currency: "usd", destination_balance: "issuing" } as Stripe.TopupCreateParams,
      opts,
    );
  const a = await create();
  const failed = await control(t.url, `/_sandbox/topups/${a.id}/fail`);
  assert.equal(failed.status, 200);
  assert.deepEqual([failed.body.status, failed.body.failure_code], ["failed", "insufficient_funds"]);
  assert.equal(typeof failed.body.failure_message, "string");
  assert.equal((await control(t.url, `/_sandbox/topups/${a.id}/fail`)).status, 400);
  assert.equal((await control(t.url, `/_sandbox/topups/${a.id}/succeed`)).status, 400);
  assert.equal((await control(t.url, `/_sandbox/topups/${a.id}/fail`, { failure_code: "nope" })).status, 400);
  const b = await create();
  const closed = await control(t.url, `/_sandbox/topups/${b.id}/fail`, { failure_code: "account_closed" });
  assert.equal(closed.body.failure_code, "account_closed");
  const c = await create();
  const canceled = await stripe.topups.cancel(c.id, {}, opts);
  assert.equal(canceled.status, "canceled");
  await assert.rejects(stripe.topups.cancel(c.id, {}, opts), (e: Stripe.errors.StripeError) => e.statusCode === 400);
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 0, currency: "usd" }]);
  assert.equal((await types(opts, "topup.failed")).length, 2);
  assert.equal((await types(opts, "topup.canceled")).length, 1);
  assert.equal(
    (await stripe.balanceTransactions.list({}, opts)).data.length,
    0,
    "no money moved, no balance transaction",
  );
  ok();
});

test("payouts from the Issuing balance: above the balance is refused, a replayed key debits once, paid and failed", async () => {
  const { stripe } = t;
  const opts = await fundedGb(10_000);
  const payout = (amount: number, key?: string) =>
    stripe.payouts.create(
      { amount, currency: "gbp", source_balance: "issuing", description: "Back to bank" } as Stripe.PayoutCreateParams,
      { ...opts, ...(key ? { idempotencyKey: key } : {}) },
    );
  await assert.rejects(payout(10_001), (e: Stripe.errors.StripeError) => {
    assert.deepEqual(
      [e.statusCode, e.type, e.code, e.param],
      [400, "StripeInvalidRequestError", "balance_insufficient", "amount"],
    );
    assert.match(e.message, /insufficient funds in your Issuing balance/);
    return true;
  });
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 10_000, currency: "gbp" }]);
  assert.equal((await stripe.payouts.list({}, opts)).data.length, 0);
  ok();

  const first = await payout(3_000, "po-1");
  const replay = await payout(3_000, "po-1");
  assert.equal(replay.id, first.id);
  assert.equal(first.status, "pending");
  assert.match(String(first.destination), /^ba_/);
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 7_000, currency: "gbp" }], "one debit for one key");
  const bt = await stripe.balanceTransactions.retrieve(String(first.balance_transaction), {}, opts);
  assert.deepEqual([bt.type, bt.amount, bt.balance_type, bt.source], ["payout", -3_000, "issuing", first.id]);
  ok();

  const paid = await control(t.url, `/_sandbox/payouts/${first.id}/paid`);
  assert.equal(paid.body.status, "paid");
  assert.equal((await control(t.url, `/_sandbox/payouts/${first.id}/paid`)).status, 400);
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 7_000, currency: "gbp" }]);

  const second = await payout(2_000);
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 5_000, currency: "gbp" }]);
  const failed = await control(t.url, `/_sandbox/payouts/${second.id}/fail`);
  assert.deepEqual([failed.body.status, failed.body.failure_code], ["failed", "account_closed"]);
  assert.deepEqual(
    await issuingAvailable(opts),
    [{ amount: 7_000, currency: "gbp" }],
    "a failed payout's money returns",
  );
  const back = await stripe.balanceTransactions.retrieve(String(failed.body.failure_balance_transaction), {}, opts);
  assert.deepEqual([back.type, back.amount, back.reporting_category], ["payout_failure", 2_000, "payout_reversal"]);
  assert.equal((await control(t.url, `/_sandbox/payouts/${second.id}/fail`)).status, 400);
  // A paid payout can still come back from the bank.
  const returned = await control(t.url, `/_sandbox/payouts/${first.id}/fail`, { failure_code: "no_account" });
  assert.equal(returned.body.status, "failed");
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 10_000, currency: "gbp" }]);
  assert.equal((await types(opts, "payout.created")).length, 2);
  assert.equal((await types(opts, "payout.paid")).length, 1);
  assert.equal((await types(opts, "payout.failed")).length, 2);
  assert.equal((await types(opts, "payout.updated")).length, 3);
  assert.equal((await types(opts, "payout.failed"))[0]?.account, opts.stripeAccount);
  // Without source_balance a payout draws on the payments balance, which is empty.
  await assert.rejects(
    stripe.payouts.create({ amount: 1, currency: "gbp" }, opts),
    (e: Stripe.errors.StripeError) => e.code === "balance_insufficient" && /Stripe balance/.test(e.message),
  );
  ok();
});

test("payouts settle by themselves after payout_settle_ms; top-ups after topup_settle_ms", async () => {
  const { stripe } = t;
  const opts = await fundedGb(1_000);
  await control(t.url, "/_sandbox/config", { payout_settle_ms: 20, topup_settle_ms: 20 });
  try {
    const po = await stripe.payouts.create(
      { amount: 400, currency: "gbp", source_balance: "issuing" } as Stripe.PayoutCreateParams,
      opts,
    );
    const us = await usAccount();
    const tu = await stripe.topups.create(
      { amount: 50, currency: "usd", destination_balance: "issuing" } as Stripe.TopupCreateParams,
      us,
    );
    await eventually(async () => (await stripe.payouts.retrieve(po.id, {}, opts)).status === "paid");
    await eventually(async () => (await stripe.topups.retrieve(tu.id, {}, us)).status === "succeeded");
    assert.deepEqual(await issuingAvailable(opts), [{ amount: 600, currency: "gbp" }]);
    assert.deepEqual(await issuingAvailable(us), [{ amount: 50, currency: "usd" }]);
  } finally {
    await control(t.url, "/_sandbox/config", { payout_settle_ms: null, topup_settle_ms: "off" });
  }
  ok();
});

test("a GB card is in gbp on the Issuing balance: capture reduces it by the amount, short funds decline", async () => {
  const { stripe } = t;
  const opts = await fundedGb(5_000);
  const holder = await stripe.issuing.cardholders.create(
    {
      ...CARDHOLDER,
      phone_number: "+447700900000",
      billing: { address: { line1: "1 High Street", city: "London", postal_code: "EC1A 1AA", country: "GB" } },
    },
    opts,
  );
  await assert.rejects(
    stripe.issuing.cards.create({ cardholder: holder.id, currency: "usd", type: "virtual" }, opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === "currency",
  );
  const card = await stripe.issuing.cards.create(
    { cardholder: holder.id, currency: "gbp", type: "virtual", status: "active" },
    opts,
  );
  const merchant_data = { category: "taxicabs_limousines" as const, country: "GB" };
  const auth = await stripe.testHelpers.issuing.authorizations.create(
    { card: card.id, amount: 1_200, merchant_data },
    opts,
  );
  assert.equal(auth.approved, true);
  assert.equal(auth.currency, "gbp");
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 3_800, currency: "gbp" }]);
  const captured = await stripe.testHelpers.issuing.authorizations.capture(auth.id, {}, opts);
  assert.equal(captured.status, "closed");
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 3_800, currency: "gbp" }]);
  const big = await stripe.testHelpers.issuing.authorizations.create(
    { card: card.id, amount: 4_000, merchant_data },
    opts,
  );
  assert.equal(big.approved, false);
  assert.equal(big.request_history.at(-1)?.reason, "insufficient_funds");
  ok();

  // Every movement of this account's Issuing balance is a balance transaction.
  const all = (await stripe.balanceTransactions.list({ limit: 100 }, opts)).data;
  assert.deepEqual(all.map((b) => [b.type, b.amount]).reverse(), [
    ["topup", 5_000],
    ["issuing_authorization_hold", -1_200],
    ["issuing_authorization_release", 1_200],
    ["issuing_transaction", -1_200],
  ]);
  assert.ok(all.every((b) => b.balance_type === "issuing" && b.fee === 0 && b.net === b.amount));
  const holds = await stripe.balanceTransactions.list({ type: "issuing_authorization_hold" }, opts);
  assert.deepEqual(
    holds.data.map((b) => b.source),
    [auth.id],
  );
  const page = await stripe.balanceTransactions.list({ limit: 2 }, opts);
  assert.equal(page.has_more, true);
  const next = await stripe.balanceTransactions.list({ limit: 2, starting_after: page.data[1]?.id }, opts);
  assert.deepEqual(next.data.map((b) => b.type).reverse(), ["topup", "issuing_authorization_hold"]);
  const po = await stripe.payouts.create(
    { amount: 100, currency: "gbp", source_balance: "issuing" } as Stripe.PayoutCreateParams,
    opts,
  );
  assert.deepEqual(
    (await stripe.balanceTransactions.list({ source: po.id }, opts)).data.map((b) => b.type),
    ["payout"],
  );
  await assert.rejects(
    stripe.balanceTransactions.list({ payout: po.id }, opts),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === "payout",
  );
  // Another account sees none of them.
  assert.equal((await stripe.balanceTransactions.list({ source: po.id })).data.length, 0);
  ok();
});

test("funding instructions: created once per account and currency, the same object after, listed", async () => {
  const opts = await gbAccount();
  const first = await fundingInstructions(opts);
  assert.equal(first.object, "funding_instructions");
  assert.deepEqual([first.currency, first.funding_type, first.livemode], ["gbp", "bank_transfer", false]);
  assert.deepEqual([first.bank_transfer.country, first.bank_transfer.type], ["GB", "gb_bank_transfer"]);
  const [address] = first.bank_transfer.financial_addresses;
  assert.equal(first.bank_transfer.financial_addresses.length, 1);
  assert.equal(address?.type, "sort_code");
  assert.deepEqual(address?.supported_networks, ["bacs", "fps"]);
  assert.match(String(address?.sort_code?.sort_code), /^\d{6}$/);
  assert.match(String(address?.sort_code?.account_number), /^\d{8}$/);
  assert.equal(typeof address?.sort_code?.account_holder_name, "string");
  const again = await fundingInstructions(opts, { ...GBP_INSTRUCTIONS, currency: "GBP" });
  assert.deepEqual(again, first, "the same funding instructions each time");
  const list = await raw<Stripe.ApiList<FundingInstructions>>("GET", "/v1/issuing/funding_instructions", {}, opts);
  assert.deepEqual([list.object, list.url, list.has_more], ["list", "/v1/issuing/funding_instructions", false]);
  assert.deepEqual(list.data, [first]);
  // Another account gets its own numbers, and sees none of this one's.
  const other = await gbAccount();
  const mine = await raw<Stripe.ApiList<FundingInstructions>>("GET", "/v1/issuing/funding_instructions", {}, other);
  assert.deepEqual(mine.data, []);
  const theirs = await fundingInstructions(other);
  assert.notEqual(
    theirs.bank_transfer.financial_addresses[0]?.sort_code?.account_number,
    address?.sort_code?.account_number,
  );

  // A euro-area account: eu_bank_transfer in eur, an IBAN on SEPA.
  const fr = await t.stripe.accounts.create({ type: "custom", country: "FR" });
  const eu = await fundingInstructions(
    { stripeAccount: fr.id },
    { funding_type: "bank_transfer", bank_transfer: { type: "eu_bank_transfer" }, currency: "eur" },
  );
  const iban = eu.bank_transfer.financial_addresses[0];
  assert.deepEqual([eu.currency, eu.bank_transfer.type, iban?.type], ["eur", "eu_bank_transfer", "iban"]);
  assert.deepEqual(iban?.supported_networks, ["sepa"]);
  assert.match(String(iban?.iban?.iban), /^DE\d{20}$/);
  assert.equal(iban?.iban?.bic, "SXPYDEHH");
  ok();
});

test("funding instructions: a type or currency that does not fit the account's country is refused with its param; US is refused", async () => {
  const opts = await gbAccount();
  const refused = async (
    o: { stripeAccount?: string },
    params: Record<string, unknown>,
    param: string | undefined,
    message: RegExp,
  ) =>
    assert.rejects(raw("POST", "/v1/issuing/funding_instructions", params, o), (e: Stripe.errors.StripeError) => {
      assert.deepEqual([e.statusCode, e.type, e.param], [400, "StripeInvalidRequestError", param]);
      assert.match(e.message, message);
      return true;
    });
  await refused(
    opts,
    { ...GBP_INSTRUCTIONS, bank_transfer: { type: "eu_bank_transfer" } },
    "bank_transfer[type]",
    /gb_bank_transfer/,
  );
  await refused(opts, { ...GBP_INSTRUCTIONS, currency: "eur" }, "currency", /gbp/);
  await refused(
    opts,
    { ...GBP_INSTRUCTIONS, bank_transfer: { type: "us_bank_transfer" } },
    "bank_transfer[type]",
    /must be one of/,
  );
  await refused(opts, { ...GBP_INSTRUCTIONS, funding_type: "card" }, "funding_type", /must be one of/);
  await refused(opts, { currency: "gbp", funding_type: "bank_transfer" }, "bank_transfer", /Missing required param/);
  const fr = await t.stripe.accounts.create({ type: "custom", country: "FR" });
  await refused({ stripeAccount: fr.id }, GBP_INSTRUCTIONS, "bank_transfer[type]", /eu_bank_transfer/);
  const us = await usAccount();
  await refused(us, GBP_INSTRUCTIONS, undefined, /not currently supported for US/);
  await refused({}, GBP_INSTRUCTIONS, undefined, /not currently supported for US/);
  const list = await raw<Stripe.ApiList<FundingInstructions>>("GET", "/v1/issuing/funding_instructions", {}, opts);
  assert.deepEqual(list.data, [], "nothing was created");
  ok();
});

test("fund_balance: a bank transfer to the funding instructions is a succeeded Issuing top-up at once, with its balance transaction and events", async () => {
  const { stripe } = t;
  const opts = await gbAccount();
  await assert.rejects(fundBalance(opts, 1_000), (e: Stripe.errors.StripeError) => {
    assert.deepEqual([e.statusCode, e.param], [400, "currency"]);
    assert.match(e.message, /no funding instructions in gbp/);
    return true;
  });
  const instructions = await fundingInstructions(opts);
  for (const [amount, currency, param] of [
    [0, "gbp", "amount"],
    [-5, "gbp", "amount"],
    [1.5, "gbp", "amount"],
    [1_000, "eur", "currency"],
  ] as const)
    await assert.rejects(
      fundBalance(opts, amount, currency),
      (e: Stripe.errors.StripeError) => e.statusCode === 400 && e.param === param,
      `${amount} ${currency}`,
    );
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 0, currency: "gbp" }]);
  ok();

  const answer = await fundBalance(opts, 7_500);
  assert.deepEqual(answer, instructions, "answers the funding instructions it funded");
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 7_500, currency: "gbp" }], "available at once");
  const [tu, ...more] = (await stripe.topups.list({}, opts)).data;
  assert.equal(more.length, 0);
  assert.deepEqual(
    [tu?.status, tu?.amount, tu?.currency, (tu as { destination_balance?: string } | undefined)?.destination_balance],
    ["succeeded", 7_500, "gbp", "issuing"],
  );
  const bt = await stripe.balanceTransactions.retrieve(String(tu?.balance_transaction), {}, opts);
  assert.deepEqual(
    [bt.type, bt.amount, bt.net, bt.balance_type, bt.source, bt.status],
    ["topup", 7_500, 7_500, "issuing", tu?.id, "available"],
  );
  const [created] = await types(opts, "topup.created");
  const [succeeded] = await types(opts, "topup.succeeded");
  const [available] = await types(opts, "balance.available");
  assert.equal((created?.data.object as Stripe.Topup).id, tu?.id);
  assert.equal((succeeded?.data.object as Stripe.Topup).status, "succeeded");
  assert.equal(succeeded?.account, opts.stripeAccount);
  assert.deepEqual((available?.data.object as Stripe.Balance).issuing?.available, [{ amount: 7_500, currency: "gbp" }]);
  // Each call is a new transfer; nothing is left pending for a control to settle.
  await fundBalance(opts, 500);
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 8_000, currency: "gbp" }]);
  assert.equal((await stripe.topups.list({ status: "pending" }, opts)).data.length, 0);
  assert.equal((await control(t.url, `/_sandbox/topups/${String(tu?.id)}/succeed`)).status, 400);
  // The US platform has no funding instructions to push to.
  await assert.rejects(
    raw("POST", "/v1/test_helpers/issuing/fund_balance", { amount: 100, currency: "usd" }, {}),
    (e: Stripe.errors.StripeError) => e.statusCode === 400 && /not currently supported for US/.test(e.message),
  );
  ok();
});

test("a pull top-up on a GB or EEA account is refused and nothing moves; US accounts and the platform still pull", async () => {
  const { stripe } = t;
  const opts = await fundedGb(2_000);
  const fr = await stripe.accounts.create({ type: "custom", country: "FR" });
  for (const [o, currency, country] of [
    [opts, "gbp", "GB"],
    [{ stripeAccount: fr.id }, "eur", "FR"],
  ] as const)
    for (const destination_balance of ["issuing", undefined])
      await assert.rejects(
        stripe.topups.create({ amount: 1_000, currency, destination_balance } as Stripe.TopupCreateParams, o),
        (e: Stripe.errors.StripeError) => {
          assert.deepEqual(
            [e.statusCode, e.type, e.code, e.param],
            [400, "StripeInvalidRequestError", undefined, undefined],
          );
          assert.equal(
            e.message,
            `Top-ups that pull from a bank aren't available for accounts in ${country}: fund the Issuing balance by bank transfer to its funding instructions (POST /v1/issuing/funding_instructions).`,
          );
          return true;
        },
      );
  assert.deepEqual(await issuingAvailable(opts), [{ amount: 2_000, currency: "gbp" }]);
  assert.equal((await stripe.topups.list({}, opts)).data.length, 1, "only the pushed one");
  assert.equal((await types(opts, "topup.created")).length, 1);
  assert.equal((await stripe.topups.list({}, { stripeAccount: fr.id })).data.length, 0);
  ok();
  const us = await stripe.topups.create(
    { amount: 300, currency: "usd", destination_balance: "issuing" } as Stripe.TopupCreateParams,
    await usAccount(),
  );
  assert.equal(us.status, "pending");
  const platform = await stripe.topups.create({ amount: 300, currency: "usd" });
  assert.equal(platform.status, "pending");
  ok();
});
