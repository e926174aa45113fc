import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SandboxOptions } from "./config";
import type { Kernel, RuntimeConfig } from "./kernel";
import { Store } from "./store/store";
import { SandboxClock } from "./store/clock";
import { ensureSeed, newId } from "./store/ids";
import { Router } from "./wire/router";
import { Idempotency } from "./wire/idempotency";
import { handleApi } from "./wire/pipeline";
import { Dispatcher } from "./events/dispatcher";
import { syncStartupReceivers } from "./events/startup-receivers";
import { setAuthorizationEndpoint } from "./resources/issuing/rta";
import { registerResources } from "./resources";
import { installVerifier } from "./resources/accounts/verifier";
import { handleControl } from "./controls";
import { stopLater } from "./resources/later";
import { handlePage, isPagePath } from "./elements/pages";
import { handleConnect, isConnectPath } from "./elements/connect/api";
import { handleIssuingElements, isIssuingElementsPath } from "./elements/issuing/api";
import { startMailbox, type Mailbox } from "./mailbox";

export type RunningSandbox = {
  server: Server;
  port: number;
  url: string;
  kernel: Kernel;
  /** The local SMTP receiver, when one was asked for and its port was free. */
  mailbox: Mailbox | null;
  close(): Promise<void>;
};

export type StartOptions = SandboxOptions & {
  /** Overrides for timings (tests shorten webhook back-off, verification delay). */
  config?: Partial<RuntimeConfig>;
  /** WAL size that triggers compaction into a snapshot. */
  compactBytes?: number;
};

const DEFAULT_CONFIG: RuntimeConfig = {
  defaultKyc: "approve",
  verificationDelayMs: 0,
  webhookRetryBaseMs: 1000,
  webhookRetryMaxMs: 60_000,
  webhookTimeoutMs: 10_000,
  webhookGiveUpMs: 3 * 24 * 3600 * 1000,
  treasuryActivationDelayMs: 1000,
  topupSettleMs: null,
  payoutSettleMs: 2000,
  fxRates: { "usd:usdc": 1, "usdc:usd": 1 },
  rtaUrl: null,
  rtaSecret: null,
  rtaTimeoutMs: 2000,
  rtaOnTimeout: "decline",
  rtaOnError: "decline",
  issuingDefaultDailyLimit: 50_000,
  issuingDisputeOutcome: "won",
};

function envConfig(env: NodeJS.ProcessEnv): Partial<RuntimeConfig> {
  const out: Partial<RuntimeConfig> = {};
  if (env.SANDBOX_WEBHOOK_RETRY_BASE_MS) out.webhookRetryBaseMs = Number(env.SANDBOX_WEBHOOK_RETRY_BASE_MS);
  if (env.SANDBOX_WEBHOOK_RETRY_MAX_MS) out.webhookRetryMaxMs = Number(env.SANDBOX_WEBHOOK_RETRY_MAX_MS);
  if (env.SANDBOX_VERIFICATION_DELAY_MS) out.verificationDelayMs = Number(env.SANDBOX_VERIFICATION_DELAY_MS);
  if (env.SANDBOX_TREASURY_ACTIVATION_DELAY_MS)
    out.treasuryActivationDelayMs = Number(env.SANDBOX_TREASURY_ACTIVATION_DELAY_MS);
  // "off" (or "never") leaves settlement to the /_sandbox controls.
  const settle = (v: string) => (v === "off" || v === "never" ? null : Number(v));
  if (env.SANDBOX_TOPUP_SETTLE_MS) out.topupSettleMs = settle(env.SANDBOX_TOPUP_SETTLE_MS);
  if (env.SANDBOX_PAYOUT_SETTLE_MS) out.payoutSettleMs = settle(env.SANDBOX_PAYOUT_SETTLE_MS);
  return out;
}

async function ensurePlatform(store: Store): Promise<void> {
  if (store.get("_meta", "platform")) return;
  const tx = store.begin();
  tx.put("_meta", "platform", { owner: "", data: { id: newId(tx, "acct", 16) } });
  await tx.commit();
}

function sendNotFound(res: ServerResponse, method: string, pathname: string): void {
  const text = JSON.stringify({
    error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${pathname}).` },
  });
  res.writeHead(404, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * The mailbox is a convenience: a port already taken (another sandbox, a test) is reported and
 * the sandbox runs without it, rather than not at all.
 */
async function openMailbox(port: number, host: string): Promise<Mailbox | null> {
  try {
    return await startMailbox({ port, host });
  } catch (err) {
    console.warn(`sandbox mailbox not started on port ${port}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

export async function startSandbox(opts: StartOptions): Promise<RunningSandbox> {
  const store = new Store(opts.dataDir, { compactBytes: opts.compactBytes });
  await ensureSeed(store);
  await ensurePlatform(store);
  const kernel: Kernel = {
    store,
    clock: new SandboxClock(store),
    router: new Router(),
    config: {
      ...DEFAULT_CONFIG,
      fxRates: { ...DEFAULT_CONFIG.fxRates },
      ...envConfig(process.env),
      ...opts.config,
    },
    expanders: new Map(),
    fieldExpanders: new Map(),
    platformId: () => String(store.get("_meta", "platform")?.data.id ?? ""),
    onCommitted: [],
    onStart: [],
    accountPending: [],
    accountChanged: [],
    scopedKeys: [],
  };
  registerResources(kernel);
  const idem = new Idempotency(store);
  const dispatcher = new Dispatcher(kernel);
  kernel.onCommitted.push(() => dispatcher.kick());
  const verifier = installVerifier(kernel);
  // `config.rtaUrl` without a secret (tests) gets a generated one, as Stripe's Issuing settings do.
  setAuthorizationEndpoint(kernel.config, kernel.config.rtaUrl, kernel.config.rtaSecret);
  const receivers = { rta: opts.rta, snapshot: opts.snapshot, thin: opts.thin };
  await syncStartupReceivers(kernel, receivers);
  const started = () => {
    for (const hook of kernel.onStart) hook();
    dispatcher.kick();
  };
  const reset = async (seed?: string) => {
    await store.reset();
    await ensureSeed(store, seed ?? "sandbox");
    await ensurePlatform(store);
    await syncStartupReceivers(kernel, receivers);
    started();
  };
  const pruneTimer = setInterval(() => void idem.prune(Date.now()), 3600_000);
  pruneTimer.unref();

  // Localhost only, whatever the HTTP host: it accepts mail from anyone who can reach it.
  const mailbox = opts.smtpPort === undefined ? null : await openMailbox(opts.smtpPort, "127.0.0.1");

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const method = req.method ?? "GET";
    let work: Promise<void>;
    if (pathname.startsWith("/_sandbox/"))
      work = handleControl(req, res, { kernel, dispatcher, dataDir: opts.dataDir, reset, mailbox });
    else if (pathname.startsWith("/v1/") || pathname.startsWith("/v2/")) work = handleApi(req, res, kernel, idem);
    else if (isPagePath(pathname)) work = handlePage(req, res, kernel);
    // The embedded components: /connect.js and their session-authenticated API (issue 6).
    else if (isConnectPath(pathname)) work = handleConnect(req, res, kernel, idem);
    // The Issuing Elements stand-in: /stripe.js, its frames and their API (issue 16).
    else if (isIssuingElementsPath(pathname)) work = handleIssuingElements(req, res, kernel);
    else work = Promise.resolve(sendNotFound(res, method, pathname));
    work.catch((err: unknown) => {
      console.error("sandbox:", err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "api_error", message: "Internal sandbox error." } }));
    });
  };
  const server = createServer(handle);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  }).catch(async (err: unknown) => {
    await mailbox?.close();
    throw err;
  });
  started();
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${opts.host}:${port}`,
    kernel,
    mailbox,
    close: async () => {
      clearInterval(pruneTimer);
      await mailbox?.close();
      dispatcher.stop();
      verifier.stop();
      stopLater(kernel);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}
