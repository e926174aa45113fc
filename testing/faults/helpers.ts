import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import { v2Request, type V2Object } from "@/lib/stripe/v2";

/** The same seed gives the same kill points and submit pattern. */
export { seededRandom as seeded } from "@/lib/seeded-random";

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
export async function v2Ledger(
  stripe: Stripe,
  fa: string,
  currency: string,
  account?: string,
): Promise<{ balance: Buckets; sum: Buckets; transactions: number }> {
  const f = await v2Request(
    stripe,
    "GET",
    `/v2/money_management/financial_accounts/${fa}`,
    undefined,
    account ? { account } : {},
  );
  const pick = (bucket: string) => Number(f.balance?.[bucket]?.[currency]?.value ?? 0);
  const balance = {
    available: pick("available"),
    inbound_pending: pick("inbound_pending"),
    outbound_pending: pick("outbound_pending"),
  };
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
export async function v1Ledger(
  stripe: Stripe,
  fa: string,
  account: string,
): Promise<{ balance: Buckets; sum: Buckets; transactions: number }> {
  const f = await stripe.treasury.financialAccounts.retrieve(fa, {}, { stripeAccount: account });
  const balance = {
    available: f.balance.cash.usd ?? 0,
    inbound_pending: f.balance.inbound_pending.usd ?? 0,
    outbound_pending: f.balance.outbound_pending.usd ?? 0,
  };
  const txns = await stripe.treasury.transactions
    .list({ financial_account: fa, limit: 100 }, { stripeAccount: account })
    .autoPagingToArray({ limit: 10_000 });
  const sum = { available: 0, inbound_pending: 0, outbound_pending: 0 };
  for (const t of txns) {
    sum.available += t.balance_impact.cash;
    sum.inbound_pending += t.balance_impact.inbound_pending;
    sum.outbound_pending += t.balance_impact.outbound_pending;
  }
  return { balance, sum, transactions: txns.length };
}

export async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const STATEMENTS = new Set(["select", "selectDistinct", "insert", "update", "delete", "execute"]);

/** The error a Postgres client raises when the server goes away mid-session. */
export function connectionLost(): Error {
  return Object.assign(new Error("terminating connection due to administrator command"), {
    code: "57P01",
    name: "PostgresError",
  });
}

/**
 * A database handle whose connection can fail: `down()` points it at a closed database (every
 * query fails the way a dead connection does), `failStatements(pred)` makes chosen statements
 * (counted from 1, inside transactions too) fail as if the connection dropped right then.
 */
export class FlakyDatabase {
  statements = 0;
  private failing: ((n: number, statement: string, args: unknown[]) => boolean) | null = null;
  private target: Db;
  readonly db: Db;

  constructor(private readonly real: Db) {
    this.target = real;
    this.db = this.wrap(() => this.target) as Db;
  }

  down(dead: Db): void {
    this.target = dead;
  }

  up(): void {
    this.target = this.real;
    this.failing = null;
  }

  failStatements(pred: (n: number, statement: string, args: unknown[]) => boolean): void {
    this.statements = 0;
    this.failing = pred;
  }

  private wrap(get: () => object): object {
    return new Proxy(
      {},
      {
        get: (_t, prop) => {
          const target = get() as Record<string | symbol, unknown>;
          const value = target[prop];
          if (typeof value !== "function") return value;
          if (prop === "transaction") {
            return (cb: (tx: object) => Promise<unknown>, config?: unknown) =>
              (value as (cb: (tx: object) => Promise<unknown>, config?: unknown) => Promise<unknown>).call(
                target,
                (tx) => cb(this.wrap(() => tx)),
                config,
              );
          }
          if (typeof prop === "string" && STATEMENTS.has(prop)) {
            return (...args: unknown[]) => {
              const n = ++this.statements;
              if (this.failing?.(n, prop, args)) throw connectionLost();
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          }
          return (value as (...a: unknown[]) => unknown).bind(target);
        },
      },
    );
  }
}

/** An HTTP server on a free port that hands each request to `handle` as a fetch Request. */
export async function httpServer(
  handle: (req: Request) => Promise<Response>,
): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await handle(
      new Request(`http://127.0.0.1${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
      }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
