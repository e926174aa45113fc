import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type Stripe from "stripe";
import { startTestSandbox, type TestSandbox } from "../../test-helpers";
import { assertLedger } from "../../ledger/invariants";
import { JOURNALS } from "../../ledger/ledger";
import { cryptoWallet, stablecoinAccount, usdcFa, v2, type Obj } from "./fixtures";

let t: TestSandbox;
let acct = "";
let fa: Obj;
let wallet = "";
before(async () => {
  t = await startTestSandbox({ config: { treasuryActivationDelayMs: 0 } });
  const { stripe } = t;
  acct = await stablecoinAccount(stripe);
  fa = await usdcFa(stripe, acct);
  const platform = (await v2(stripe, "GET", "/v2/money_management/financial_accounts")).data[0] as Obj;
  const addr = await v2(stripe, "POST", "/v2/money_management/financial_addresses", {
    financial_account: platform.id,
    type: "us_bank_account",
  });
  for (let i = 0; i < 100; i++)
    if ((await v2(stripe, "GET", `/v2/money_management/financial_addresses/${addr.id}`)).status === "active") break;
  await v2(stripe, "POST", `/v2/test_helpers/financial_addresses/${addr.id}/credit`, {
    amount: { value: 5000, currency: "usd" },
    network: "ach",
  });
  await v2(stripe, "POST", "/v2/money_management/outbound_payments", {
    from: { financial_account: platform.id, currency: "usd" },
    to: { recipient: acct, payout_method: fa.id, currency: "usdc" },
    amount: { value: 5000, currency: "usd" },
  });
  wallet = await cryptoWallet(stripe, acct, {
    address: "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
    network: "solana",
  });
});
after(() => t.close());

/** Everything an API user could see move: balances, payout methods, transfers, transactions, journals. */
async function snapshot() {
  const { stripe } = t;
  return {
    balance: (await v2(stripe, "GET", `/v2/money_management/financial_accounts/${fa.id}`, {}, acct)).balance,
    methods: (await v2(stripe, "GET", "/v2/money_management/payout_methods", {}, acct)).data.length,
    transfers: (await v2(stripe, "GET", "/v2/money_management/outbound_transfers", {}, acct)).data.length,
    txns: (await v2(stripe, "GET", `/v2/money_management/transactions?financial_account=${fa.id}`, {}, acct)).data
      .length,
    journals: t.sandbox.kernel.store.rows(JOURNALS).length,
  };
}

async function rejected(
  body: Record<string, unknown>,
  path: string,
  check: (e: Stripe.errors.StripeError) => boolean,
): Promise<void> {
  const before = await snapshot();
  await assert.rejects(v2(t.stripe, "POST", path, body, acct), (e: Stripe.errors.StripeError) => {
    assert.equal(e.statusCode, 400, e.message);
    assert.ok(e.message.length > 20, "the message says what to do");
    return check(e);
  });
  assert.deepEqual(await snapshot(), before, "a rejected request changes nothing");
}

const BAD: Record<string, string[]> = {
  ethereum: ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "0x123", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"],
  polygon: ["0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35g"],
  base: ["0xDBF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"],
  arbitrum: ["0xd1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"],
  optimism: [""],
  avalanche_c_chain: ["EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"],
  solana: [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEG",
    "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt10",
  ],
  stellar: [
    "GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2A",
    "GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2",
  ],
};

test("invalid crypto addresses for every network, unknown networks and Stellar without memo are rejected and change nothing", async () => {
  for (const [network, addresses] of Object.entries(BAD)) {
    for (const address of addresses) {
      await rejected(
        {
          payout_method_data: {
            type: "crypto_wallet",
            crypto_wallet: { address, network, ...(network === "stellar" ? { memo: "123" } : {}) },
          },
        },
        "/v2/money_management/outbound_setup_intents",
        (e) =>
          e.type === "StripeInvalidRequestError" &&
          e.code === "invalid_fields" &&
          e.param === "payout_method_data.crypto_wallet.address" &&
          e.message.includes(network),
      );
    }
  }
  await rejected(
    {
      payout_method_data: {
        type: "crypto_wallet",
        crypto_wallet: { address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", network: "bitcoin" },
      },
    },
    "/v2/money_management/outbound_setup_intents",
    (e) =>
      e.param === "payout_method_data.crypto_wallet.network" &&
      /must be one of arbitrum, avalanche_c_chain, base, ethereum, optimism, polygon, solana, or stellar/.test(
        e.message,
      ),
  );
  await rejected(
    {
      payout_method_data: {
        type: "crypto_wallet",
        crypto_wallet: { address: "GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H", network: "stellar" },
      },
    },
    "/v2/money_management/outbound_setup_intents",
    (e) => e.param === "payout_method_data.crypto_wallet.memo" && /memo/.test(e.message),
  );
});

test("zero, negative and too-large amounts are rejected with Stripe-shaped errors and change nothing", async () => {
  const transfer = (value: number) => ({
    from: { financial_account: fa.id, currency: "usdc" },
    to: { payout_method: wallet },
    amount: { value, currency: "usdc" },
  });
  for (const value of [0, -100])
    await rejected(
      transfer(value),
      "/v2/money_management/outbound_transfers",
      (e) => e.code === "invalid_fields" && e.param === "amount.value",
    );
  await rejected(
    transfer(5001),
    "/v2/money_management/outbound_transfers",
    (e) => e.type === "InsufficientFundsError" && /5000 usdc available/.test(e.message),
  );
  await v2(t.stripe, "POST", `/v2/money_management/payout_methods/${wallet}/archive`, {}, acct);
  await rejected(
    transfer(10),
    "/v2/money_management/outbound_transfers",
    (e) => e.type === "InvalidPayoutMethodError" && /not eligible/.test(e.message),
  );
  await v2(t.stripe, "POST", `/v2/money_management/payout_methods/${wallet}/unarchive`, {}, acct);
  // The whole balance can leave, then a failure gives it back.
  const obt = await v2(t.stripe, "POST", "/v2/money_management/outbound_transfers", transfer(5000), acct);
  // The control takes only a reason the SDK lists for that status (a return reason is no failure reason).
  const wrong = await fetch(`${t.url}/_sandbox/v2/outbound_transfers/${obt.id}/fail`, {
    method: "POST",
    body: JSON.stringify({ reason: "payout_method_closed" }),
  });
  assert.equal(wrong.status, 400);
  await fetch(`${t.url}/_sandbox/v2/outbound_transfers/${obt.id}/fail`, { method: "POST" });
  const after = await v2(t.stripe, "GET", `/v2/money_management/outbound_transfers/${obt.id}`, {}, acct);
  assert.equal(after.status, "failed");
  assert.deepEqual((await snapshot()).balance.available.usdc, { value: 5000, currency: "usdc" });
  assertLedger(t.sandbox.kernel.store);
});

test("a bank payout method must match its country's format (USD, MXN, EUR)", async () => {
  const ok = await v2(
    t.stripe,
    "POST",
    "/v2/money_management/outbound_setup_intents",
    {
      payout_method_data: {
        type: "bank_account",
        bank_account: { country: "MX", account_number: "002010077777777771" },
      },
    },
    acct,
  );
  assert.deepEqual(ok.payout_method.bank_account.supported_currencies, ["mxn"]);
  await v2(
    t.stripe,
    "POST",
    "/v2/money_management/outbound_setup_intents",
    {
      payout_method_data: {
        type: "bank_account",
        bank_account: { country: "DE", account_number: "DE89370400440532013000" },
      },
    },
    acct,
  );
  await rejected(
    {
      payout_method_data: {
        type: "bank_account",
        bank_account: { country: "DE", account_number: "DE89370400440532013001" },
      },
    },
    "/v2/money_management/outbound_setup_intents",
    (e) => /IBAN/.test(e.message),
  );
  await rejected(
    { payout_method_data: { type: "bank_account", bank_account: { country: "US", account_number: "000123456789" } } },
    "/v2/money_management/outbound_setup_intents",
    (e) => /routing_number/.test(e.message),
  );
});
