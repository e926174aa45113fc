import { test } from "node:test";
import assert from "node:assert/strict";
import Stripe from "stripe";
import { eventually, startTestSandbox } from "../test-helpers";
import { treasuryAccount, verifiedBank } from "../resources/treasury/fixtures";
import { cryptoWallet, stablecoinAccount, usdcFa, v2, type Obj } from "../resources/money-management/fixtures";
import { BALANCES, isExternal, type Balance } from "./ledger";
import { ledgerViolations } from "./invariants";

/** Small seeded PRNG so a failure replays with the same operations. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.PROPERTY_SEED ?? 20261028);
const WORKERS = 8;
const OPS_PER_WORKER = 300;

test(`property: ${WORKERS * OPS_PER_WORKER} random money operations across many accounts, concurrently; invariants hold after each`, async () => {
  const t = await startTestSandbox({ config: { treasuryActivationDelayMs: 0 } });
  const { stripe } = t;
  try {
    // v1: US Treasury accounts, each with an FA and a verified bank account.
    const v1: Array<{ acct: string; fa: string; pm: string }> = [];
    for (let i = 0; i < 4; i++) {
      const acct = await treasuryAccount(stripe);
      const opts = { stripeAccount: acct };
      const fa = await stripe.treasury.financialAccounts.create(
        {
          supported_currencies: ["usd"],
          features: {
            inbound_transfers: { ach: { requested: true } },
            outbound_payments: { ach: { requested: true } },
            outbound_transfers: { ach: { requested: true } },
          },
        },
        opts,
      );
      v1.push({ acct, fa: fa.id, pm: await verifiedBank(stripe, acct) });
    }
    // v2: the platform FA with an active address, and stablecoin accounts with a usdc FA and a wallet.
    const platformFa = String(((await v2(stripe, "GET", "/v2/money_management/financial_accounts")).data[0] as Obj).id);
    const addr = String(
      (
        await v2(stripe, "POST", "/v2/money_management/financial_addresses", {
          financial_account: platformFa,
          type: "us_bank_account",
        })
      ).id,
    );
    await eventually(
      async () => (await v2(stripe, "GET", `/v2/money_management/financial_addresses/${addr}`)).status === "active",
    );
    const v2s: Array<{ acct: string; fa: string; wallet: string }> = [];
    for (let i = 0; i < 3; i++) {
      const acct = await stablecoinAccount(stripe, `Ana${i}`);
      const fa = String((await usdcFa(stripe, acct)).id);
      const wallet = await cryptoWallet(stripe, acct, {
        address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        network: "base",
      });
      v2s.push({ acct, fa, wallet });
    }

    const pending: Array<{ kind: "ibt" | "obp" | "obt1" | "obt2"; id: string; acct: string }> = [];
    const counts: Record<string, number> = {};
    let checks = 0;
    const control = (path: string) =>
      fetch(`${t.url}${path}`, { method: "POST" }).then((r) =>
        r.status === 200 ? undefined : r.json().then((b: Obj) => Promise.reject(new Error(String(b.error?.message)))),
      );

    const worker = async (w: number) => {
      const rnd = mulberry32(SEED + w);
      const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      const amount = () => 1 + Math.floor(rnd() * 5000);
      for (let i = 0; i < OPS_PER_WORKER; i++) {
        const a = pick(v1);
        const b = pick(v2s);
        const opts = { stripeAccount: a.acct };
        const r = rnd();
        const op =
          r < 0.12
            ? "received_credit"
            : r < 0.2
              ? "received_debit"
              : r < 0.3
                ? "inbound_transfer"
                : r < 0.42
                  ? "outbound_payment"
                  : r < 0.5
                    ? "outbound_transfer_v1"
                    : r < 0.58
                      ? "address_credit"
                      : r < 0.68
                        ? "v2_outbound_payment"
                        : r < 0.8
                          ? "v2_outbound_transfer"
                          : "advance";
        counts[op] = (counts[op] ?? 0) + 1;
        try {
          if (op === "received_credit")
            await stripe.testHelpers.treasury.receivedCredits.create(
              { financial_account: a.fa, amount: amount(), currency: "usd", network: "ach" },
              opts,
            );
          else if (op === "received_debit")
            await stripe.testHelpers.treasury.receivedDebits.create(
              { financial_account: a.fa, amount: amount(), currency: "usd", network: "ach" },
              opts,
            );
          else if (op === "inbound_transfer")
            pending.push({
              kind: "ibt",
              acct: a.acct,
              id: (
                await stripe.treasury.inboundTransfers.create(
                  { financial_account: a.fa, amount: amount(), currency: "usd", origin_payment_method: a.pm },
                  opts,
                )
              ).id,
            });
          else if (op === "outbound_payment")
            pending.push({
              kind: "obp",
              acct: a.acct,
              id: (
                await stripe.treasury.outboundPayments.create(
                  {
                    financial_account: a.fa,
                    amount: amount(),
                    currency: "usd",
                    destination_payment_method_data: {
                      type: "us_bank_account",
                      us_bank_account: { routing_number: "110000000", account_number: "000000000009" },
                    },
                  },
                  opts,
                )
              ).id,
            });
          else if (op === "outbound_transfer_v1")
            pending.push({
              kind: "obt1",
              acct: a.acct,
              id: (
                await stripe.treasury.outboundTransfers.create(
                  { financial_account: a.fa, amount: amount(), currency: "usd", destination_payment_method: a.pm },
                  opts,
                )
              ).id,
            });
          else if (op === "address_credit")
            await v2(stripe, "POST", `/v2/test_helpers/financial_addresses/${addr}/credit`, {
              amount: { value: amount() * 2, currency: "usd" },
              network: "ach",
            });
          else if (op === "v2_outbound_payment")
            await v2(stripe, "POST", "/v2/money_management/outbound_payments", {
              from: { financial_account: platformFa, currency: "usd" },
              to: { recipient: b.acct, payout_method: b.fa, currency: "usdc" },
              amount: { value: amount(), currency: "usd" },
            });
          else if (op === "v2_outbound_transfer")
            pending.push({
              kind: "obt2",
              acct: b.acct,
              id: String(
                (
                  await v2(
                    stripe,
                    "POST",
                    "/v2/money_management/outbound_transfers",
                    {
                      from: { financial_account: b.fa, currency: "usdc" },
                      to: { payout_method: b.wallet },
                      amount: { value: amount(), currency: "usdc" },
                    },
                    b.acct,
                  )
                ).id,
              ),
            });
          else if (pending.length) {
            const f = pending.splice(Math.floor(rnd() * pending.length), 1)[0] ?? { kind: "ibt", id: "", acct: "" };
            const o = { stripeAccount: f.acct };
            const x = rnd();
            if (f.kind === "ibt")
              await (x < 0.6
                ? stripe.testHelpers.treasury.inboundTransfers.succeed(f.id, {}, o)
                : x < 0.8
                  ? stripe.testHelpers.treasury.inboundTransfers.fail(f.id, {}, o)
                  : stripe.treasury.inboundTransfers.cancel(f.id, {}, o));
            else if (f.kind === "obp")
              await (x < 0.5
                ? stripe.testHelpers.treasury.outboundPayments.post(f.id, {}, o)
                : x < 0.7
                  ? stripe.testHelpers.treasury.outboundPayments.fail(f.id, {}, o)
                  : x < 0.85
                    ? stripe.treasury.outboundPayments.cancel(f.id, {}, o)
                    : stripe.testHelpers.treasury.outboundPayments.returnOutboundPayment(f.id, {}, o));
            else if (f.kind === "obt1")
              await (x < 0.5
                ? stripe.testHelpers.treasury.outboundTransfers.post(f.id, {}, o)
                : x < 0.75
                  ? stripe.testHelpers.treasury.outboundTransfers.fail(f.id, {}, o)
                  : stripe.testHelpers.treasury.outboundTransfers.returnOutboundTransfer(f.id, {}, o));
            else if (x < 0.5)
              await control(`/_sandbox/v2/outbound_transfers/${f.id}/post`).then(() =>
                rnd() < 0.3 ? control(`/_sandbox/v2/outbound_transfers/${f.id}/return`) : undefined,
              );
            else if (x < 0.8) await control(`/_sandbox/v2/outbound_transfers/${f.id}/fail`);
            else await v2(stripe, "POST", `/v2/money_management/outbound_transfers/${f.id}/cancel`, {}, f.acct);
          }
        } catch (err) {
          // Business refusals (insufficient funds, …) are expected; anything else is a bug.
          const e = err as Stripe.errors.StripeError;
          const expected =
            e.code === "insufficient_funds" ||
            e.code === "not_cancelable" ||
            e.code === "already_canceled" ||
            /can no longer|must be|no longer holds/.test(e.message);
          if (e.statusCode !== 400 || !expected) throw err;
          counts.refused = (counts.refused ?? 0) + 1;
        }
        const problems = ledgerViolations(t.sandbox.kernel.store);
        checks++;
        assert.deepEqual(problems, [], `after op ${i} of worker ${w} (${op}), seed ${SEED}`);
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    assert.equal(checks, WORKERS * OPS_PER_WORKER);
    assert.ok((counts.refused ?? 0) > 0, "some operations ran into insufficient funds");
    // What the API shows agrees with the ledger, and nothing internal is negative.
    for (const { acct, fa } of v1) {
      const shown = (await stripe.treasury.financialAccounts.retrieve(fa, {}, { stripeAccount: acct })).balance;
      const row = t.sandbox.kernel.store.get<Balance>(BALANCES, `${fa}|usd`)?.data;
      assert.deepEqual(
        [shown.cash.usd, shown.inbound_pending.usd, shown.outbound_pending.usd],
        [row?.cash ?? 0, row?.inbound_pending ?? 0, row?.outbound_pending ?? 0],
      );
    }
    for (const [, row] of t.sandbox.kernel.store.rows<Balance>(BALANCES))
      if (!isExternal(row.data.holder))
        assert.ok(row.data.cash >= 0 && row.data.outbound_pending >= 0 && row.data.inbound_pending >= 0);
  } finally {
    await t.close();
  }
});
