import type Stripe from "stripe";
import { GUIDE_FEATURES } from "../../resources/treasury/fixtures";
import type { W } from "./workload";

const BANK = {
  type: "us_bank_account" as const,
  us_bank_account: {
    routing_number: "110000000",
    account_number: "000123456789",
    account_holder_type: "company" as const,
  },
  billing_details: { name: "Jenny Rosen" },
};
const MANDATE = {
  customer_acceptance: { type: "online" as const, online: { ip_address: "127.0.0.1", user_agent: "conformance" } },
};
const VENDOR = {
  type: "us_bank_account" as const,
  us_bank_account: { routing_number: "110000000", account_number: "000000000009" },
  billing_details: { name: "Vendor" },
};

/** Treasury on a connected account: FA and features, a bank by SetupIntent + microdeposits, every money flow and its test helpers. */
export async function treasuryWorkload(w: W, acct: string): Promise<{ fa: string }> {
  const { stripe } = w;
  const opts = { stripeAccount: acct };
  const fa = await stripe.treasury.financialAccounts.create(
    { supported_currencies: ["usd"], features: GUIDE_FEATURES, nickname: "Operating", metadata: { k: "v" } },
    opts,
  );
  await stripe.treasury.financialAccounts.retrieve(fa.id, {}, opts);
  await w.control(`/_sandbox/treasury/financial_accounts/${fa.id}/activate`);
  await stripe.treasury.financialAccounts.retrieve(fa.id, { expand: ["financial_addresses.aba.account_number"] }, opts);
  await stripe.treasury.financialAccounts.update(
    fa.id,
    { nickname: "Main", platform_restrictions: { inbound_flows: "unrestricted" } },
    opts,
  );
  await stripe.treasury.financialAccounts.retrieveFeatures(fa.id, {}, opts);
  await stripe.treasury.financialAccounts.updateFeatures(fa.id, { deposit_insurance: { requested: false } }, opts);
  await stripe.treasury.financialAccounts.list({ limit: 5 }, opts);
  const spare = await stripe.treasury.financialAccounts.create({ supported_currencies: ["usd"] }, opts);
  await stripe.treasury.financialAccounts.close(spare.id, {}, opts);

  // A bank account by SetupIntent and microdeposits; another intent confirmed separately; one canceled.
  const si = await stripe.setupIntents.create(
    {
      attach_to_self: true,
      flow_directions: ["inbound", "outbound"],
      allowed_payment_method_types: ["us_bank_account"],
      confirm: true,
      payment_method_data: BANK,
      mandate_data: MANDATE,
    },
    opts,
  );
  await stripe.setupIntents.retrieve(si.id, {}, opts);
  await stripe.setupIntents.verifyMicrodeposits(si.id, { descriptor_code: "SM11AA" }, opts);
  const pm = String(si.payment_method);
  const later = await stripe.setupIntents.create(
    { attach_to_self: true, flow_directions: ["outbound"], allowed_payment_method_types: ["us_bank_account"] },
    opts,
  );
  await stripe.setupIntents.update(later.id, { metadata: { purpose: "payouts" } }, opts);
  await stripe.setupIntents.confirm(later.id, { payment_method_data: BANK, mandate_data: MANDATE }, opts);
  await stripe.setupIntents.verifyMicrodeposits(later.id, { amounts: [32, 45] }, opts);
  const dropped = await stripe.setupIntents.create(
    { attach_to_self: true, flow_directions: ["inbound"], allowed_payment_method_types: ["us_bank_account"] },
    opts,
  );
  await stripe.setupIntents.cancel(dropped.id, { cancellation_reason: "abandoned" }, opts);
  const loose = await stripe.paymentMethods.create(BANK, opts);
  await stripe.paymentMethods.retrieve(loose.id, {}, opts);
  await stripe.paymentMethods.retrieve(pm, {}, opts);

  // Money in: received credits, inbound transfers that succeed, fail, return and cancel.
  await stripe.testHelpers.treasury.receivedCredits.create(
    { financial_account: fa.id, amount: 100000, currency: "usd", network: "ach", description: "Seed" },
    opts,
  );
  await stripe.testHelpers.treasury.receivedCredits.create(
    { financial_account: fa.id, amount: 2500, currency: "usd", network: "us_domestic_wire" },
    opts,
  );
  const ibts = await Promise.all(
    [1000, 2000, 3000, 4000].map((amount) =>
      stripe.treasury.inboundTransfers.create(
        { financial_account: fa.id, amount, currency: "usd", origin_payment_method: pm, description: "Funding" },
        opts,
      ),
    ),
  );
  const [okIbt, failIbt, returnIbt, cancelIbt] = ibts.map((x) => x.id) as [string, string, string, string];
  await stripe.testHelpers.treasury.inboundTransfers.succeed(okIbt, {}, opts);
  await stripe.testHelpers.treasury.inboundTransfers.fail(
    failIbt,
    { failure_details: { code: "account_closed" } },
    opts,
  );
  await stripe.testHelpers.treasury.inboundTransfers.succeed(returnIbt, {}, opts);
  await stripe.testHelpers.treasury.inboundTransfers.returnInboundTransfer(returnIbt, {}, opts);
  await stripe.treasury.inboundTransfers.cancel(cancelIbt, {}, opts);
  await stripe.treasury.inboundTransfers.retrieve(okIbt, {}, opts);
  await stripe.treasury.inboundTransfers.list({ financial_account: fa.id }, opts);

  // Money out: outbound payments (ACH and wire) and transfers, posted, returned, failed, canceled, tracked.
  const obp = (extra: Partial<Stripe.Treasury.OutboundPaymentCreateParams> = {}) =>
    stripe.treasury.outboundPayments.create(
      {
        financial_account: fa.id,
        amount: 700,
        currency: "usd",
        destination_payment_method_data: VENDOR,
        description: "Vendor",
        ...extra,
      },
      opts,
    );
  const wire = await obp({ destination_payment_method_options: { us_bank_account: { network: "us_domestic_wire" } } });
  await stripe.testHelpers.treasury.outboundPayments.post(wire.id, {}, opts);
  await stripe.testHelpers.treasury.outboundPayments.update(
    wire.id,
    {
      tracking_details: {
        type: "us_domestic_wire",
        us_domestic_wire: { imad: "20240101MMQFMP0P000001", omad: "20240101QMGFT015000001" },
      },
    },
    opts,
  );
  await stripe.testHelpers.treasury.outboundPayments.returnOutboundPayment(
    wire.id,
    { returned_details: { code: "declined" } },
    opts,
  );
  const ach = await obp();
  await stripe.testHelpers.treasury.outboundPayments.post(ach.id, {}, opts);
  await stripe.testHelpers.treasury.outboundPayments.update(
    ach.id,
    { tracking_details: { type: "ach", ach: { trace_id: "110000001234567" } } },
    opts,
  );
  await stripe.testHelpers.treasury.outboundPayments.fail((await obp()).id, {}, opts);
  await stripe.treasury.outboundPayments.cancel((await obp()).id, {}, opts);
  await stripe.treasury.outboundPayments.retrieve(ach.id, {}, opts);
  await stripe.treasury.outboundPayments.list({ financial_account: fa.id }, opts);
  const obt = () =>
    stripe.treasury.outboundTransfers.create(
      { financial_account: fa.id, amount: 300, currency: "usd", destination_payment_method: pm, description: "Payout" },
      opts,
    );
  const posted = await obt();
  await stripe.testHelpers.treasury.outboundTransfers.post(posted.id, {}, opts);
  await stripe.testHelpers.treasury.outboundTransfers.update(
    posted.id,
    { tracking_details: { type: "ach", ach: { trace_id: "110000009876543" } } },
    opts,
  );
  await stripe.testHelpers.treasury.outboundTransfers.returnOutboundTransfer(
    posted.id,
    { returned_details: { code: "account_closed" } },
    opts,
  );
  await stripe.testHelpers.treasury.outboundTransfers.fail((await obt()).id, {}, opts);
  await stripe.treasury.outboundTransfers.cancel((await obt()).id, {}, opts);
  await stripe.treasury.outboundTransfers.retrieve(posted.id, {}, opts);
  await stripe.treasury.outboundTransfers.list({ financial_account: fa.id }, opts);

  // Received debits (one refused for funds), then the ledger views.
  const rd = await stripe.testHelpers.treasury.receivedDebits.create(
    { financial_account: fa.id, amount: 150, currency: "usd", network: "ach" },
    opts,
  );
  await stripe.testHelpers.treasury.receivedDebits.create(
    { financial_account: fa.id, amount: 100_000_000, currency: "usd", network: "ach" },
    opts,
  );
  await stripe.treasury.receivedDebits.retrieve(rd.id, {}, opts);
  await stripe.treasury.receivedDebits.list({ financial_account: fa.id }, opts);
  const rcs = await stripe.treasury.receivedCredits.list({ financial_account: fa.id }, opts);
  await stripe.treasury.receivedCredits.retrieve(String(rcs.data[0]?.id), {}, opts);
  await stripe.treasury.transactions.list({ financial_account: fa.id, limit: 100 }, opts);
  const txns = await stripe.treasury.transactions.list(
    { financial_account: fa.id, limit: 100, expand: ["data.entries"] },
    opts,
  );
  for (const t of txns.data.slice(0, 6))
    await stripe.treasury.transactions.retrieve(t.id, { expand: ["entries"] }, opts);
  await stripe.treasury.transactions.retrieve(String(txns.data[0]?.id), {}, opts);
  const entries = await stripe.treasury.transactionEntries.list({ financial_account: fa.id, limit: 100 }, opts);
  await stripe.treasury.transactionEntries.list(
    { financial_account: fa.id, limit: 10, expand: ["data.transaction"] },
    opts,
  );
  for (const e of entries.data.slice(0, 4))
    await stripe.treasury.transactionEntries.retrieve(e.id, { expand: ["transaction"] }, opts);
  return { fa: fa.id };
}
