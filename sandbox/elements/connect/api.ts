import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Kernel } from "../../kernel";
import type { Idempotency } from "../../wire/idempotency";
import { ApiError } from "../../wire/errors";
import { callV1 } from "./internal-call";
import { matchOp, ok, type Op, type OpCall } from "./operations";
import { publicSession, requireGrant, sessionFor } from "./session-auth";
import { accountOps } from "./ops-account";
import { moneyOps } from "./ops-money";
import { issuingOps } from "./ops-issuing";
import { serveScript } from "./serve-script";

export const API_PREFIX = "/connect/api";

const OPS: Op[] = [
  // Any enabled component may read which components and features its session has.
  { method: "GET", path: "/session", grants: [], run: (c) => Promise.resolve(ok(publicSession(c.session))) },
  ...accountOps,
  ...moneyOps,
  ...issuingOps,
];

// Any origin may call: the client secret in the Authorization header is the authorization, no cookies are involved.
const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, idempotency-key",
  "access-control-expose-headers": "request-id",
  "access-control-max-age": "600",
};

export function isConnectPath(pathname: string): boolean {
  return pathname === "/connect.js" || pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`);
}

function send(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS,
    "content-type": "application/json",
    "cache-control": "no-store",
    "request-id": requestId,
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 64 * 1024)
      throw new ApiError(400, { type: "invalid_request_error", message: "Request body too large." });
    chunks.push(c as Buffer);
  }
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw.trim()) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw new ApiError(400, { type: "invalid_request_error", message: "The request body must be a JSON object." });
}

/**
 * `/connect.js` and the embedded components' API (`/connect/api/…`): authenticated by the
 * Account Session's client secret, limited to its account, components and features, and run
 * against the real `/v1` handlers.
 */
export async function handleConnect(
  req: IncomingMessage,
  res: ServerResponse,
  kernel: Kernel,
  idem: Idempotency,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox");
  const method = (req.method ?? "GET").toUpperCase();
  if (url.pathname === "/connect.js") return serveScript(req, res);
  const requestId = `req_${randomBytes(10).toString("hex")}`;
  if (method === "OPTIONS") {
    res.writeHead(204, CORS);
    res.end();
    return;
  }
  try {
    const match = matchOp(OPS, method, url.pathname.slice(API_PREFIX.length));
    if (match === "method")
      throw new ApiError(405, { type: "invalid_request_error", message: `${method} is not allowed here.` });
    if (!match)
      throw new ApiError(404, {
        type: "invalid_request_error",
        message: `Unrecognized request URL (${method}: ${url.pathname}).`,
      });
    const session = sessionFor(kernel, req);
    if (match.op.grants.length) requireGrant(session, match.op.grants);
    const input = method === "POST" ? await readJson(req) : Object.fromEntries(url.searchParams);
    const ip = req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1";
    const idemHeader = req.headers["idempotency-key"];
    const call: OpCall = {
      kernel,
      session,
      input,
      path: match.path,
      ip,
      userAgent: String(req.headers["user-agent"] ?? ""),
      idempotencyKey: typeof idemHeader === "string" && idemHeader ? `connect:${idemHeader}` : undefined,
      v1: ({ asPlatform, ...rest }) =>
        callV1(kernel, idem, { ...rest, account: asPlatform ? undefined : session.account, host: req.headers.host }),
    };
    const result = await match.op.run(call);
    send(res, result.status, result.body, requestId);
  } catch (err) {
    if (err instanceof ApiError) return send(res, err.status, err.body(), requestId);
    throw err;
  }
}
