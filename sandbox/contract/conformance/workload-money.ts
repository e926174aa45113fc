import { LEAD_CARDHOLDER, onV2 } from "../../resources/issuing/fixtures";
import { stablecoinAccount } from "../../resources/money-management/fixtures";
import type { Obj, W } from "./workload";

const WALLET = {
  type: "crypto_wallet",
  crypto_wallet: { address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", network: "polygon" },
};
const STELLAR = {
  type: "crypto_wallet",
  crypto_wallet: {
    address: "GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H",
    network: "stellar",
    memo: "12345",
  },
};
const US_BANK = {
  type: "bank_account",
  bank_account: { country: "US", account_number: "000123456789", routing_number: "110000000" },
};

/**
 * v2 money management, the stablecoin guide end to end: the platform's USD FA funded through a
 * financial address, USD → USDC into an MX storer account, wallets and a bank as payout methods,
 * outbound transfers posted, failed, returned and canceled, received credits and debits, and a
 * card_creator card spending the USDC.
 */
export async function moneyWorkload(w: W): Promise<{ account: string }> {
  const { stripe } = w;
  const platformFa = ((await w.v2("GET", "/v2/money_management/financial_accounts")).data as Obj[])[0] as Obj;
  const addr = await w.v2("POST", "/v2/money_management/financial_addresses", {
    financial_account: platformFa.id,
    type: "us_bank_account",
  });
  for (
    let i = 0;
    i < 200 && (await w.v2("GET", `/v2/money_management/financial_addresses/${addr.id}`)).status !== "active";
    i++
  )
    await new Promise((r) => setTimeout(r, 10));
  await w.v2(
    "GET",
    `/v2/money_management/financial_addresses/${addr.id}?include[0]=credentials.us_bank_account.account_number`,
  );
  await w.v2("GET", "/v2/money_management/financial_addresses");
  await w.v2("POST", `/v2/test_helpers/financial_addresses/${addr.id}/credit`, {
    amount: { value: 3_000_000, currency: "usd" },
    network: "ach",
    statement_descriptor: "Seed",
  });
  await w.v2("POST", `/v2/money_management/test_helpers/financial_addresses/${addr.id}/credit`, {
    amount: { value: 5000, currency: "usd" },
    network: "rtp",
  });
  await w.v2("GET", `/v2/money_management/financial_accounts/${platformFa.id}`);

  const acct = await stablecoinAccount(stripe, "Lu");
  const fa = await w.v2(
    "POST",
    "/v2/money_management/financial_accounts",
    { type: "storage", storage: { holds_currencies: ["usdc"] }, display_name: "USDC", metadata: { k: "v" } },
    acct,
  );
  const spare = await w.v2(
    "POST",
    "/v2/money_management/financial_accounts",
    { type: "storage", storage: { holds_currencies: ["usdc"] } },
    acct,
  );
  await w.v2("POST", `/v2/money_management/financial_accounts/${spare.id}/close`, {}, acct);
  await w.v2("GET", "/v2/money_management/financial_accounts?limit=5", {}, acct);
  const obp = await w.v2("POST", "/v2/money_management/outbound_payments", {
    from: { financial_account: platformFa.id, currency: "usd" },
    to: { recipient: acct, payout_method: fa.id, currency: "usdc" },
    amount: { value: 2_000_000, currency: "usd" },
    description: "Top up",
  });
  await w.v2("GET", `/v2/money_management/outbound_payments/${obp.id}`);
  await w.v2("GET", "/v2/money_management/outbound_payments");
  await w.v2("POST", `/v2/money_management/outbound_payments/${obp.id}/cancel`).catch(() => undefined);
  await w.v2("GET", `/v2/money_management/financial_accounts/${fa.id}`, {}, acct);

  // Payout methods: two wallets and a US bank account; one archived and back.
  const osi = await w.v2(
    "POST",
    "/v2/money_management/outbound_setup_intents",
    { payout_method_data: WALLET, usage_intent: "transfer" },
    acct,
  );
  await w.v2("POST", "/v2/money_management/outbound_setup_intents", { payout_method_data: STELLAR }, acct);
  const bank = await w.v2(
    "POST",
    "/v2/money_management/outbound_setup_intents",
    { payout_method_data: US_BANK, usage_intent: "transfer" },
    acct,
  );
  await w.v2("GET", `/v2/money_management/outbound_setup_intents/${osi.id}`, {}, acct);
  await w.v2("GET", "/v2/money_management/outbound_setup_intents", {}, acct);
  // Intents with complete data succeed at once, so there is none left to cancel: the answer is not_cancelable.
  await w.v2("POST", `/v2/money_management/outbound_setup_intents/${osi.id}/cancel`, {}, acct).catch(() => undefined);
  const wallet = String((osi.payout_method as Obj).id);
  await w.v2("GET", `/v2/money_management/payout_methods/${wallet}`, {}, acct);
  await w.v2("POST", `/v2/money_management/payout_methods/${String((bank.payout_method as Obj).id)}/archive`, {}, acct);
  await w.v2(
    "POST",
    `/v2/money_management/payout_methods/${String((bank.payout_method as Obj).id)}/unarchive`,
    {},
    acct,
  );
  await w.v2("GET", "/v2/money_management/payout_methods", {}, acct);

  // Outbound transfers: posted then returned, failed, canceled, and one to the bank left processing.
  const obt = (to = wallet, value = 1000, currency = "usdc") =>
    w.v2(
      "POST",
      "/v2/money_management/outbound_transfers",
      {
        from: { financial_account: fa.id, currency: "usdc" },
        to: { payout_method: to, currency },
        amount: { value, currency: "usdc" },
        description: "Out",
      },
      acct,
    );
  const posted = await obt();
  await w.control(`/_sandbox/v2/outbound_transfers/${posted.id}/post`);
  await w.control(`/_sandbox/v2/outbound_transfers/${posted.id}/return`, { reason: "payout_method_closed" });
  await w.control(`/_sandbox/v2/outbound_transfers/${(await obt()).id}/fail`, { reason: "payout_method_declined" });
  await w.v2("POST", `/v2/money_management/outbound_transfers/${(await obt()).id}/cancel`, {}, acct);
  await obt(String((bank.payout_method as Obj).id), 500, "usd");
  await w.v2("GET", `/v2/money_management/outbound_transfers/${posted.id}`, {}, acct);
  await w.v2("GET", "/v2/money_management/outbound_transfers", {}, acct);

  // Money pulled out (one short of funds), then a card on the USDC FA: capture, refund.
  await w.control(`/_sandbox/v2/financial_accounts/${fa.id}/received_debits`, {
    amount: { value: 100, currency: "usdc" },
  });
  await w.control(`/_sandbox/v2/financial_accounts/${fa.id}/received_debits`, {
    amount: { value: 900_000_000, currency: "usdc" },
  });
  const opts = { stripeAccount: acct };
  const holder = await stripe.issuing.cardholders.create(LEAD_CARDHOLDER, opts);
  const card = await stripe.issuing.cards.create(
    onV2(String(fa.id), { cardholder: holder.id, currency: "usd", type: "virtual", status: "active" }),
    opts,
  );
  await stripe.issuing.cards.retrieve(card.id, {}, opts);
  const auth = await stripe.testHelpers.issuing.authorizations.create(
    { card: card.id, amount: 4000, merchant_data: { category: "taxicabs_limousines" } },
    opts,
  );
  const captured = await stripe.testHelpers.issuing.authorizations.capture(auth.id, {}, opts);
  await stripe.testHelpers.issuing.transactions.refund(
    String(captured.transactions[0]?.id),
    { refund_amount: 1000 },
    opts,
  );

  for (const [list, one] of [
    ["received_credits", "received_credits"],
    ["received_debits", "received_debits"],
  ] as const) {
    for (const context of [undefined, acct]) {
      const page = await w.v2("GET", `/v2/money_management/${list}`, {}, context);
      for (const x of (page.data as Obj[]).slice(0, 3))
        await w.v2("GET", `/v2/money_management/${one}/${x.id}`, {}, context);
    }
  }
  for (const [context, account] of [
    [undefined, platformFa.id],
    [acct, fa.id],
  ] as const) {
    const txns = await w.v2(
      "GET",
      `/v2/money_management/transactions?financial_account=${account}&limit=50`,
      {},
      context,
    );
    for (const x of (txns.data as Obj[]).slice(0, 6))
      await w.v2("GET", `/v2/money_management/transactions/${x.id}`, {}, context);
    const first = (txns.data as Obj[])[0];
    const entries = await w.v2(
      "GET",
      `/v2/money_management/transaction_entries${first ? `?transaction=${first.id}` : ""}`,
      {},
      context,
    );
    await w.v2("GET", "/v2/money_management/transaction_entries?limit=50", {}, context);
    for (const x of (entries.data as Obj[]).slice(0, 3))
      await w.v2("GET", `/v2/money_management/transaction_entries/${x.id}`, {}, context);
  }
  return { account: acct };
}
