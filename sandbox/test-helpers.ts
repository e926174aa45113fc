import { createServer, type IncomingMessage, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { startSandbox, type RunningSandbox, type StartOptions } from "./server";

export type TestSandbox = {
  sandbox: RunningSandbox;
  stripe: Stripe;
  dataDir: string;
  url: string;
  close(): Promise<void>;
};

/** A sandbox on a free port with a temp data dir, and an SDK client pointed at it. */
export async function startTestSandbox(opts: Partial<StartOptions> = {}): Promise<TestSandbox> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), "sandbox-test-"));
  const sandbox = await startSandbox({ port: 0, host: "127.0.0.1", dataDir, ...opts });
  const stripe = sdk(sandbox.port);
  return {
    sandbox,
    stripe,
    dataDir,
    url: sandbox.url,
    close: async () => {
      await sandbox.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function sdk(port: number, config: Stripe.StripeConfig = {}): Stripe {
  return new Stripe("sk_test_sandbox", { host: "127.0.0.1", port, protocol: "http", ...config });
}

export type Received = { body: string; signature: string };

/** A webhook receiver that records raw bodies + signatures; `up=false` makes it answer 503. */
export async function startReceiver(): Promise<{
  url: string;
  received: Received[];
  setUp(up: boolean): void;
  close(): Promise<void>;
  server: Server;
}> {
  const received: Received[] = [];
  let up = true;
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (!up) {
        res.writeHead(503).end();
        return;
      }
      received.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: String(req.headers["stripe-signature"] ?? ""),
      });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    setUp: (v) => (up = v),
    close: () => new Promise((r) => server.close(() => r())),
    server,
  };
}

export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000, what = "condition"): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Custom-account params like Stripe's Issuing/Treasury guides. */
export const customAccountParams: Stripe.AccountCreateParams = {
  country: "US",
  email: "jenny.rosen@example.com",
  controller: {
    fees: { payer: "application" },
    losses: { payments: "application" },
    requirement_collection: "application",
    stripe_dashboard: { type: "none" },
  },
  capabilities: {
    card_issuing: { requested: true },
    transfers: { requested: true },
    treasury: { requested: true },
    us_bank_account_ach_payments: { requested: true },
  },
};

/** The `controller` Stripe shows on an account the platform controls, collects requirements for and pays fees and losses of (no dashboard). */
export const platformControlled: Stripe.Account.Controller = {
  fees: { payer: "application" },
  is_controller: true,
  losses: { payments: "application" },
  requirement_collection: "application",
  stripe_dashboard: { type: "none" },
  type: "application",
};

/** Everything a US individual needs for those capabilities. */
export const completeIndividual: Stripe.AccountUpdateParams = {
  business_type: "individual",
  business_profile: { mcc: "5734", url: "https://example.com" },
  individual: {
    first_name: "Jenny",
    last_name: "Rosen",
    email: "jenny@example.com",
    phone: "+15555550100",
    ssn_last_4: "0000",
    dob: { day: 1, month: 1, year: 1901 },
    address: { line1: "address_full_match", city: "San Francisco", state: "CA", postal_code: "94111" },
  },
  external_account: "btok_us_verified",
  tos_acceptance: { date: 1700000000, ip: "127.0.0.1" },
  settings: {
    card_issuing: { tos_acceptance: { date: 1700000000, ip: "127.0.0.1" } },
    treasury: { tos_acceptance: { date: 1700000000, ip: "127.0.0.1" } },
  },
};

/** What a test compares of an SDK error: `[statusCode, type, code, param, message]`. */
export function errorParts(err: unknown): unknown[] {
  const e = err as Stripe.errors.StripeError;
  return [e.statusCode, e.type, e.code, e.param, e.message];
}

/** Like `waitFor`, for checks that must call the API. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 5000,
  what = "condition",
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Calls a `/_sandbox/…` control (POST, JSON body) and returns its status and body. */
export async function control(
  url: string,
  path: string,
  body: Record<string, unknown> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A nonce for `card`, as the sandbox's Stripe.js mints it in the browser (`createEphemeralKeyNonce`). */
export async function mintNonce(url: string, card: string): Promise<string> {
  const res = await fetch(`${url}/issuing-elements/api/ephemeral_key_nonces`, {
    method: "POST",
    headers: { authorization: "Bearer pk_test_sandbox", "content-type": "application/json" },
    body: JSON.stringify({ issuing_card: card }),
  });
  const body = (await res.json()) as { nonce: string };
  if (res.status !== 200) throw new Error(`nonce: ${res.status} ${JSON.stringify(body)}`);
  return body.nonce;
}
