import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import { openDatabase, type Database, type Db } from "@/db/connect";
import type { WebhookResult } from "@/lib/events/ingest";
import { handleAuthorizationRequest } from "@/lib/events/receive-authorization";
import { handleSnapshotEvent } from "@/lib/events/receive-snapshot";
import { handleThinEvent } from "@/lib/events/receive-thin";
import { RECEIVERS, type ReceiverKind } from "@/lib/events/receivers";
import { RulesCache } from "@/lib/rules/rules-store";
import { STRIPE_RETRIES } from "@/lib/stripe/options";
import { sandboxClient, startSandboxProcess, type SandboxProcess } from "@/testing/sandbox-process";

export type ReceiverSecrets = Record<ReceiverKind, string>;

/** Three distinct secrets, as Stripe would give three receivers. */
export function receiverSecrets(label: string): ReceiverSecrets {
  return {
    authorizations: `whsec_${label}_authorizations`,
    snapshot: `whsec_${label}_snapshot`,
    thin: `whsec_${label}_thin`,
  };
}

/** Runs one delivery through the receiver a path names (`/api/webhooks/stripe/snapshot`, …), as the app's routes do. */
export function receive(
  kind: ReceiverKind,
  deps: { db: Db; stripe: Stripe; secrets: ReceiverSecrets; rules: RulesCache },
  body: string,
  signature: string | null,
): Promise<WebhookResult> {
  const base = { db: deps.db, stripe: deps.stripe, secret: deps.secrets[kind] };
  if (kind === "authorizations") return handleAuthorizationRequest({ ...base, rules: deps.rules }, body, signature);
  return kind === "snapshot" ? handleSnapshotEvent(base, body, signature) : handleThinEvent(base, body, signature);
}

export const kindOfPath = (pathname: string): ReceiverKind | null =>
  Object.values(RECEIVERS).find((r) => r.path === pathname)?.kind ?? null;

export type ReceiverServer = {
  server: Server;
  base: string;
  urls: Record<ReceiverKind, string>;
  close(): Promise<void>;
};

/**
 * The app's three receivers on a free port, without Next.js: for tests and benchmarks that let the
 * sandbox deliver to the real handlers. `intercept` may answer a request itself (say, as if the app
 * were down); `seen` is told about every answered delivery.
 */
export async function receiverServer(opts: {
  db: Db;
  stripe: () => Stripe;
  secrets: ReceiverSecrets;
  rules: RulesCache;
  intercept?: (kind: ReceiverKind, body: string, req: IncomingMessage) => { status: number } | null;
  seen?: (kind: ReceiverKind, body: string, result: WebhookResult) => void;
}): Promise<ReceiverServer> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const kind = kindOfPath(new URL(req.url ?? "/", "http://x").pathname);
    if (!kind) return void res.writeHead(404).end();
    const intercepted = opts.intercept?.(kind, body, req);
    if (intercepted) return void res.writeHead(intercepted.status).end();
    const result = await receive(
      kind,
      { db: opts.db, stripe: opts.stripe(), secrets: opts.secrets, rules: opts.rules },
      body,
      (req.headers["stripe-signature"] as string | undefined) ?? null,
    );
    opts.seen?.(kind, body, result);
    res.writeHead(result.status, { "content-type": "application/json", ...(result.headers ?? {}) });
    res.end(JSON.stringify(result.body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const urls = {
    authorizations: `${base}${RECEIVERS.authorizations.path}`,
    snapshot: `${base}${RECEIVERS.snapshot.path}`,
    thin: `${base}${RECEIVERS.thin.path}`,
  };
  return {
    server,
    base,
    urls,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** The sandbox's start-up flags (as environment) that register these receivers, each with its secret. */
export function sandboxReceiverEnv(
  urls: Partial<Record<ReceiverKind, string>>,
  secrets: ReceiverSecrets,
): Record<string, string> {
  const env: Record<string, string> = {};
  if (urls.authorizations)
    Object.assign(env, { SANDBOX_RTA_URL: urls.authorizations, SANDBOX_RTA_SECRET: secrets.authorizations });
  if (urls.snapshot)
    Object.assign(env, { SANDBOX_SNAPSHOT_URL: urls.snapshot, SANDBOX_SNAPSHOT_SECRET: secrets.snapshot });
  if (urls.thin) Object.assign(env, { SANDBOX_THIN_URL: urls.thin, SANDBOX_THIN_SECRET: secrets.thin });
  return env;
}

export type DeliveringSandbox = {
  database: Database;
  sandbox: SandboxProcess;
  /**
   * The client the app's own code gets (the receivers, and a test's provisioning): the app's retries,
   * so a 409 for a request already in flight with the same idempotency key (the seed and an event
   * both provisioning one business) is retried as in the app, not a test failure.
   */
  appStripe: Stripe;
  stop(): Promise<void>;
};

/**
 * The whole event loop without Next.js: a fresh in-memory database, the app's receivers on it and
 * a sandbox that delivers to them (retrying after 100 ms). `stop()` ends all three.
 */
export async function deliveringSandbox(
  label: string,
  opts: Pick<Parameters<typeof receiverServer>[0], "intercept"> & {
    rules?: RulesCache;
    env?: Record<string, string>;
  } = {},
): Promise<DeliveringSandbox> {
  const database = openDatabase({ dataDir: "memory://" });
  await database.migrate();
  const secrets = receiverSecrets(label);
  let appStripe: Stripe | null = null;
  const receivers = await receiverServer({
    db: database.db,
    stripe: () => appStripe!,
    secrets,
    rules: opts.rules ?? new RulesCache(0),
    intercept: opts.intercept,
  });
  const sandbox = await startSandboxProcess({
    ...sandboxReceiverEnv(receivers.urls, secrets),
    SANDBOX_WEBHOOK_RETRY_BASE_MS: "100",
    ...opts.env,
  });
  appStripe = sandboxClient(sandbox.url, { maxNetworkRetries: STRIPE_RETRIES });
  return {
    database,
    sandbox,
    appStripe,
    async stop() {
      await sandbox.stop();
      await receivers.close();
      await database.close();
    },
  };
}
