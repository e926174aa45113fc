import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import type { WebhookResult } from "./ingest";
import { handleAuthorizationRequest } from "./receive-authorization";
import { handleSnapshotEvent } from "./receive-snapshot";
import { handleThinEvent } from "./receive-thin";
import { RECEIVERS, type ReceiverKind } from "./receivers";
import type { RulesCache } from "@/lib/rules/rules-store";

export type ReceiverSecrets = Record<ReceiverKind, string>;

/** Runs one delivery through the receiver a path names (`/api/webhooks/stripe/snapshot`, …), as the app's routes do. */
export function receive(
  kind: ReceiverKind,
  deps: { db: Db; stripe: Stripe; secrets: ReceiverSecrets; rules: RulesCache; now?: () => Date },
  body: string,
  signature: string | null,
): Promise<WebhookResult> {
  const base = { db: deps.db, stripe: deps.stripe, secret: deps.secrets[kind], now: deps.now };
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
 * The app's three receivers without Next.js, on a free port or the one given: for tests and
 * benchmarks that let the sandbox deliver to the real handlers, and for the demo seed, which
 * receives on the app's own port before the app starts. `intercept` may answer a request itself (say, as if the app
 * were down); `seen` is told about every answered delivery.
 */
export async function receiverServer(opts: {
  db: Db;
  stripe: () => Stripe;
  secrets: ReceiverSecrets;
  rules: RulesCache;
  intercept?: (kind: ReceiverKind, body: string, req: IncomingMessage) => { status: number } | null;
  seen?: (kind: ReceiverKind, body: string, result: WebhookResult) => void;
  /** 0 (the default) for a free port. */
  port?: number;
  /** The time decisions and received events are stamped with (the wall clock by default; the demo's month, its own). */
  now?: () => Date;
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
      { db: opts.db, stripe: opts.stripe(), secrets: opts.secrets, rules: opts.rules, now: opts.now },
      body,
      (req.headers["stripe-signature"] as string | undefined) ?? null,
    );
    opts.seen?.(kind, body, result);
    res.writeHead(result.status, { "content-type": "application/json", ...(result.headers ?? {}) });
    res.end(JSON.stringify(result.body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
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
