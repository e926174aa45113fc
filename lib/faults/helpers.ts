import type Stripe from "stripe";
import { v2Request, type V2Object } from "@/lib/stripe/v2";

/** A small seeded PRNG (mulberry32): the same seed gives the same kill points and submit pattern. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed from FAULTS_SEED, else a fixed default, so a failure can be replayed exactly. */
export function faultSeed(fallback: number): number {
  const env = Number(process.env.FAULTS_SEED);
  return Number.isInteger(env) && env > 0 ? env : fallback;
}

/** Every page of a v2 list (`next_page_url`). */
export async function v2All(stripe: Stripe, path: string, account?: string): Promise<V2Object[]> {
  const out: V2Object[] = [];
  let url: string | null = path;
  while (url) {
    const page: V2Object = await v2Request(stripe, "GET", url, undefined, account ? { account } : {});
    out.push(...((page.data as V2Object[] | undefined) ?? []));
    url = typeof page.next_page_url === "string" ? page.next_page_url : null;
  }
  return out;
}

export type Buckets = { available: number; inbound_pending: number; outbound_pending: number };

/** A v2 financial account's balance in one currency, and the sum of its transactions' balance impacts. */
export async function v2Ledger(stripe: Stripe, fa: string, currency: string, account?: string): Promise<{ balance: Buckets; sum: Buckets; transactions: number }> {
  const f = await v2Request(stripe, "GET", `/v2/money_management/financial_accounts/${fa}`, undefined, account ? { account } : {});
  const pick = (bucket: string) => Number(f.balance?.[bucket]?.[currency]?.value ?? 0);
  const balance = { available: pick("available"), inbound_pending: pick("inbound_pending"), outbound_pending: pick("outbound_pending") };
  const txns = await v2All(stripe, `/v2/money_management/transactions?financial_account=${fa}&limit=100`, account);
  const sum = { available: 0, inbound_pending: 0, outbound_pending: 0 };
  for (const t of txns) {
    const b = t.balance_impact ?? {};
    if ((b.available?.currency ?? currency) !== currency) continue;
    sum.available += Number(b.available?.value ?? 0);
    sum.inbound_pending += Number(b.inbound_pending?.value ?? 0);
    sum.outbound_pending += Number(b.outbound_pending?.value ?? 0);
  }
  return { balance, sum, transactions: txns.length };
}

/** A v1 Treasury financial account's usd balance, and the sum of its transactions' balance impacts. */
export async function v1Ledger(stripe: Stripe, fa: string, account: string): Promise<{ balance: Buckets; sum: Buckets; transactions: number }> {
  const f = await stripe.treasury.financialAccounts.retrieve(fa, {}, { stripeAccount: account });
  const balance = { available: f.balance.cash.usd ?? 0, inbound_pending: f.balance.inbound_pending.usd ?? 0, outbound_pending: f.balance.outbound_pending.usd ?? 0 };
  const txns = await stripe.treasury.transactions.list({ financial_account: fa, limit: 100 }, { stripeAccount: account }).autoPagingToArray({ limit: 10_000 });
  const sum = { available: 0, inbound_pending: 0, outbound_pending: 0 };
  for (const t of txns) {
    sum.available += t.balance_impact.cash;
    sum.inbound_pending += t.balance_impact.inbound_pending;
    sum.outbound_pending += t.balance_impact.outbound_pending;
  }
  return { balance, sum, transactions: txns.length };
}

export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
