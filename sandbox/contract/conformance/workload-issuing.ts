import type Stripe from "stripe";
import { CARDHOLDER, type AuthParams } from "../../resources/issuing/fixtures";
import { recordingSdk } from "./harness";
import { mintNonce } from "../../test-helpers";
import type { W } from "./workload";

const SHIPPING = {
  name: "Jenny Rosen",
  address: { line1: "1234 Main Street", city: "San Francisco", state: "CA", postal_code: "94111", country: "US" },
  service: "express" as const,
};
const TAXI = { category: "taxicabs_limousines" as const, name: "Rocket Rides", city: "San Francisco", country: "US" };

/**
 * Issuing on a Treasury FA (every authorization goes through the real-time endpoint, which
 * approves), on the platform's Issuing balance (balance transactions), and the balance itself.
 */
export async function issuingWorkload(w: W, acct: string, fa: string): Promise<void> {
  const { stripe } = w;
  const opts = { stripeAccount: acct };
  const holder = await stripe.issuing.cardholders.create({ ...CARDHOLDER, metadata: { team: "ops" } }, opts);
  await stripe.issuing.cardholders.update(
    holder.id,
    {
      spending_controls: {
        spending_limits: [{ amount: 100000, interval: "monthly" }],
        allowed_categories: ["taxicabs_limousines", "fast_food_restaurants"],
      },
      billing: {
        address: {
          line1: "1 Market St",
          line2: "Suite 5",
          city: "San Francisco",
          state: "CA",
          postal_code: "94105",
          country: "US",
        },
      },
    },
    opts,
  );
  const company = await stripe.issuing.cardholders.create(
    {
      type: "company",
      name: "Rocket Rides Inc",
      email: "ops@rocket.example",
      billing: CARDHOLDER.billing,
      company: { tax_id: "000000000" },
    },
    opts,
  );
  await stripe.issuing.cardholders.retrieve(holder.id, {}, opts);
  await stripe.issuing.cardholders.list({ limit: 5 }, opts);

  const card = await stripe.issuing.cards.create(
    {
      cardholder: holder.id,
      currency: "usd",
      type: "virtual",
      financial_account: fa,
      status: "active",
      metadata: { k: "v" },
    },
    opts,
  );
  await stripe.issuing.cards.create(
    {
      cardholder: company.id,
      currency: "usd",
      type: "virtual",
      financial_account: fa,
      spending_controls: {
        spending_limits: [{ amount: 5000, interval: "per_authorization", categories: ["taxicabs_limousines"] }],
        blocked_categories: ["betting_casino_gambling"],
      },
    },
    opts,
  );
  await stripe.issuing.cards.retrieve(card.id, { expand: ["number", "cvc"] }, opts);
  await stripe.issuing.cards.retrieve(card.id, {}, opts);
  await stripe.issuing.cards.update(
    card.id,
    { spending_controls: { spending_limits: [{ amount: 60000, interval: "daily" }] }, metadata: { k: "w" } },
    opts,
  );
  await stripe.issuing.cards.list({ limit: 5 }, opts);
  await stripe.issuing.cards.list({ cardholder: holder.id, expand: ["data.cardholder"] }, opts);

  // Card designs: the account's bundles and default design, a design of its own through review.
  const bundles = await stripe.issuing.physicalBundles.list({}, opts);
  await stripe.issuing.physicalBundles.retrieve(bundles.data[0]!.id, {}, opts);
  const custom = (await stripe.issuing.physicalBundles.list({ type: "custom" }, opts)).data[0]!;
  const design = await stripe.issuing.personalizationDesigns.create(
    {
      physical_bundle: custom.id,
      name: "Conformance",
      lookup_key: "conformance",
      carrier_text: { header_title: "Hi" },
    },
    opts,
  );
  await stripe.testHelpers.issuing.personalizationDesigns.reject(
    design.id,
    { rejection_reasons: { carrier_text: ["other"] } },
    opts,
  );
  await stripe.testHelpers.issuing.personalizationDesigns.activate(design.id, {}, opts);
  await stripe.issuing.personalizationDesigns.update(design.id, { name: "Conformance 2" }, opts);
  await stripe.issuing.personalizationDesigns.retrieve(design.id, { expand: ["physical_bundle"] }, opts);
  await stripe.issuing.personalizationDesigns.list({ status: "active" }, opts);

  // Physical cards through every shipping step.
  const physical = await stripe.issuing.cards.create(
    {
      cardholder: holder.id,
      currency: "usd",
      type: "physical",
      shipping: SHIPPING,
      financial_account: fa,
      personalization_design: design.id,
    },
    opts,
  );
  await stripe.testHelpers.issuing.personalizationDesigns.deactivate(design.id, {}, opts);
  await stripe.testHelpers.issuing.cards.submitCard(physical.id, {}, opts);
  await stripe.testHelpers.issuing.cards.shipCard(physical.id, {}, opts);
  await stripe.testHelpers.issuing.cards.deliverCard(physical.id, {}, opts);
  await stripe.testHelpers.issuing.cards.returnCard(physical.id, {}, opts);
  const lost = await stripe.issuing.cards.create(
    {
      cardholder: holder.id,
      currency: "usd",
      type: "physical",
      shipping: { ...SHIPPING, service: "standard" },
      financial_account: fa,
    },
    opts,
  );
  await stripe.testHelpers.issuing.cards.failCard(lost.id, {}, opts);
  await stripe.issuing.cards.update(lost.id, { status: "canceled", cancellation_reason: "lost" }, opts);

  // Authorizations: captured (partly, then refunded and disputed), expired, reversed, incremented and finalized, declined.
  const authorize = (amount: number, extra: Partial<AuthParams> = {}) =>
    stripe.testHelpers.issuing.authorizations.create({ card: card.id, amount, merchant_data: TAXI, ...extra }, opts);
  const a = await authorize(2000);
  await stripe.issuing.authorizations.retrieve(a.id, {}, opts);
  await stripe.issuing.authorizations.retrieve(a.id, { expand: ["cardholder"] }, opts);
  await stripe.issuing.authorizations.update(a.id, { metadata: { order: "42" } }, opts);
  await stripe.testHelpers.issuing.authorizations.capture(
    a.id,
    { capture_amount: 500, close_authorization: false },
    opts,
  );
  const captured = await stripe.testHelpers.issuing.authorizations.capture(a.id, { capture_amount: 1500 }, opts);
  await stripe.testHelpers.issuing.authorizations.expire((await authorize(300)).id, {}, opts);
  await stripe.testHelpers.issuing.authorizations.reverse((await authorize(400)).id, { reverse_amount: 100 }, opts);
  const grown = await authorize(1000, { is_amount_controllable: true });
  await stripe.testHelpers.issuing.authorizations.increment(grown.id, { increment_amount: 500 }, opts);
  await stripe.testHelpers.issuing.authorizations.finalizeAmount(grown.id, { final_amount: 1200 }, opts);
  await stripe.testHelpers.issuing.authorizations.reverse(grown.id, {}, opts);
  await authorize(100, { merchant_data: { category: "betting_casino_gambling" } });
  await authorize(50_000_000);
  await stripe.issuing.authorizations.list({ card: card.id, limit: 20 }, opts);

  const txn = captured.transactions[1] ?? captured.transactions[0];
  if (!txn) throw new Error("no capture transaction");
  await stripe.issuing.transactions.retrieve(txn.id, {}, opts);
  await stripe.issuing.transactions.retrieve(txn.id, { expand: ["authorization", "card"] }, opts);
  await stripe.issuing.transactions.update(txn.id, { metadata: { note: "taxi" } }, opts);
  await stripe.testHelpers.issuing.transactions.refund(txn.id, { refund_amount: 200 }, opts);
  const forced = await stripe.testHelpers.issuing.transactions.createForceCapture(
    { card: card.id, amount: 700, merchant_data: TAXI },
    opts,
  );
  await stripe.testHelpers.issuing.transactions.createUnlinkedRefund(
    { card: card.id, amount: 300, merchant_data: TAXI },
    opts,
  );
  await stripe.issuing.transactions.list({ card: card.id }, opts);

  // Dispute evidence through the Files API (the SDK's upload host is this server too); a refunded capture cannot be disputed.
  const receipt = await stripe.files.create(
    { purpose: "dispute_evidence", file: { data: Buffer.from("%PDF-1.4\n%%EOF\n"), name: "receipt.pdf" } },
    opts,
  );
  await stripe.files.retrieve(receipt.id, {}, opts);
  await stripe.files.list({ purpose: "dispute_evidence" }, opts);
  const dispute = await stripe.issuing.disputes.create(
    {
      transaction: forced.id,
      evidence: {
        reason: "not_received",
        not_received: { explanation: "Never arrived", additional_documentation: receipt.id },
      },
      metadata: { case: "1" },
    },
    opts,
  );
  await stripe.issuing.disputes.update(
    dispute.id,
    { evidence: { not_received: { expected_at: 1700000000, product_type: "merchandise" } } },
    opts,
  );
  await stripe.issuing.disputes.submit(dispute.id, {}, opts);
  await stripe.issuing.disputes.retrieve(dispute.id, { expand: ["balance_transactions"] }, opts);
  await stripe.issuing.disputes.list({}, opts);

  // The embedded card view's ephemeral key: read the card with its secret, then delete it.
  const key = await stripe.ephemeralKeys.create(
    { issuing_card: card.id, nonce: await mintNonce(`http://127.0.0.1:${w.port}`, card.id) },
    { ...opts, apiVersion: "2026-10-28.endive" },
  );
  const viewer = recordingSdk(w.port, w.calls, { apiVersion: "2026-10-28.endive" as never });
  await viewer.issuing.cards.retrieve(card.id, { expand: ["number", "cvc"] }, { apiKey: String(key.secret) });
  await stripe.ephemeralKeys.del(key.id, {}, opts);

  // A wallet token (the sandbox control stands in for the cardholder's wallet app), listed, read, suspended.
  const token = await w.control(`/_sandbox/issuing/cards/${card.id}/tokens`, { wallet_provider: "apple_pay" });
  await stripe.issuing.tokens.list({ card: card.id }, opts);
  await stripe.issuing.tokens.retrieve(String(token.id), {}, opts);
  await stripe.issuing.tokens.update(String(token.id), { status: "suspended" }, opts);

  await issuingBalanceWorkload(w);
  await pushFundingWorkload(w);
}

/**
 * UK and euro-area accounts push funds to their Issuing balance (docs.stripe.com/issuing/connect/funding): funding
 * instructions (created once, then the same), a simulated bank transfer that lands as a succeeded top-up, and the
 * pull top-up they are refused (400, so no object is checked for it).
 */
async function pushFundingWorkload(w: W): Promise<void> {
  const { stripe } = w;
  for (const [country, type, currency] of [
    ["GB", "gb_bank_transfer", "gbp"],
    ["FR", "eu_bank_transfer", "eur"],
  ] as const) {
    const acct = await stripe.accounts.create({ type: "custom", country, email: "jenny.rosen@example.com" });
    const opts = { stripeAccount: acct.id };
    const instructions = { funding_type: "bank_transfer", bank_transfer: { type }, currency };
    await stripe.rawRequest("POST", "/v1/issuing/funding_instructions", instructions, opts);
    await stripe.rawRequest("POST", "/v1/issuing/funding_instructions", instructions, opts);
    await stripe.rawRequest("GET", "/v1/issuing/funding_instructions?limit=5", undefined, opts);
    await stripe.rawRequest("POST", "/v1/test_helpers/issuing/fund_balance", { amount: 2500, currency }, opts);
    const pull = stripe.topups.create(
      { amount: 1000, currency, destination_balance: "issuing" } as Stripe.TopupCreateParams,
      opts,
    );
    await pull.then(
      () => Promise.reject(new Error(`a pull top-up on a ${country} account was not refused`)),
      (e: Stripe.errors.StripeError) => (e.statusCode === 400 ? undefined : Promise.reject(e)),
    );
    const [topup] = (await stripe.topups.list({ limit: 1 }, opts)).data;
    await stripe.balanceTransactions.retrieve(String(topup?.balance_transaction), {}, opts);
    await stripe.balance.retrieve({}, opts);
  }
}

/**
 * The platform issues on its Issuing balance: top-ups (pending, then settled or failed or canceled), holds and
 * captures as balance transactions, payouts from payments and from Issuing (paid, failed), balance transactions listed.
 */
async function issuingBalanceWorkload(w: W): Promise<void> {
  const { stripe } = w;
  await stripe.balance.retrieve();
  const topup = await stripe.topups.create({
    amount: 50000,
    currency: "usd",
    destination_balance: "issuing",
    description: "Issuing funds",
  } as Stripe.TopupCreateParams);
  const payments = await stripe.topups.create({ amount: 9000, currency: "usd", description: "Payments funds" });
  await stripe.balance.retrieve();
  await w.control(`/_sandbox/topups/${topup.id}/succeed`);
  await w.control(`/_sandbox/topups/${payments.id}/succeed`);
  const failing = await stripe.topups.create({ amount: 700, currency: "usd" });
  await w.control(`/_sandbox/topups/${failing.id}/fail`, { failure_code: "insufficient_funds" });
  const canceled = await stripe.topups.create({ amount: 800, currency: "usd" });
  await stripe.topups.cancel(canceled.id);
  await stripe.topups.retrieve(topup.id);
  await stripe.topups.retrieve(topup.id, { expand: ["balance_transaction"] });
  await stripe.topups.list({ limit: 5 });
  const payout = await stripe.payouts.create({ amount: 1000, currency: "usd", description: "Weekly" });
  await w.control(`/_sandbox/payouts/${payout.id}/paid`);
  const fromIssuing = await stripe.payouts.create({
    amount: 500,
    currency: "usd",
    source_balance: "issuing",
  } as Stripe.PayoutCreateParams);
  await w.control(`/_sandbox/payouts/${fromIssuing.id}/fail`, { failure_code: "account_closed" });
  await stripe.payouts.retrieve(payout.id);
  await stripe.payouts.list({ limit: 5 });
  await stripe.balanceTransactions.list({ limit: 5 });
  await stripe.balanceTransactions.list({ type: "payout_failure", source: fromIssuing.id });
  await stripe.balance.retrieve();

  const holder = await stripe.issuing.cardholders.create(CARDHOLDER);
  const card = await stripe.issuing.cards.create({
    cardholder: holder.id,
    currency: "usd",
    type: "virtual",
    status: "active",
  });
  const a = await stripe.testHelpers.issuing.authorizations.create({
    card: card.id,
    amount: 1200,
    merchant_data: TAXI,
  });
  const captured = await stripe.testHelpers.issuing.authorizations.capture(a.id, {});
  const refund = await stripe.testHelpers.issuing.transactions.refund(String(captured.transactions[0]?.id), {
    refund_amount: 200,
  });
  const ids = [
    ...captured.balance_transactions.map((b) => b.id),
    ...captured.transactions.map((x) => String(x.balance_transaction)),
    String(refund.balance_transaction),
  ];
  for (const id of new Set(ids.filter((x) => x.startsWith("txn_")))) await stripe.balanceTransactions.retrieve(id);
  await stripe.issuing.authorizations.retrieve(a.id);
  await stripe.balance.retrieve();
}
