import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Kernel } from "../kernel";
import { newId } from "../store/ids";
import type { Ctx } from "./context";
import { ApiError, invalidRequest } from "./errors";
import { applyExpand } from "./expand";
import { parseForm, queryOf } from "./form";
import type { Idempotency } from "./idempotency";
import { coerceParams } from "../contract/coerce";
import { endpointAt, PLATFORM_DEFAULT_API_VERSION } from "../contract/versions";
import { Deferred } from "./deferred";
import { isMultipart, MAX_UPLOAD, parseMultipart } from "./multipart";

/** A request without `Stripe-Version` is served at the platform's default version (see contract/versions.ts). */
export const DEFAULT_API_VERSION = PLATFORM_DEFAULT_API_VERSION;
const VERSION_RE = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/;
const MAX_BODY = 4 * 1024 * 1024;
/** A file upload's body: the largest file a purpose takes, plus its parts' headers and the other parameters. */
const MAX_MULTIPART = MAX_UPLOAD + 64 * 1024;

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function mask(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(Math.max(4, key.length - 12))}${key.slice(-4)}` : key;
}

/** Any `sk_test_…` key, as Bearer or as curl's `-u sk_test_…:` Basic auth. */
function authenticate(req: IncomingMessage): string {
  const auth = header(req, "authorization") ?? "";
  let key = "";
  if (/^bearer /i.test(auth)) key = auth.slice(7).trim();
  else if (/^basic /i.test(auth))
    key = Buffer.from(auth.slice(6).trim(), "base64").toString("utf8").split(":")[0] ?? "";
  if (!key) {
    throw new ApiError(401, {
      type: "invalid_request_error",
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    });
  }
  if (!/^(sk|ek)_test_[A-Za-z0-9_]+$/.test(key)) {
    throw new ApiError(401, { type: "invalid_request_error", message: `Invalid API Key provided: ${mask(key)}` });
  }
  return key;
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > max) reject(invalidRequest("Request body too large."));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseJsonBody(raw: string): Record<string, unknown> {
  if (!raw.trim()) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw new ApiError(
    400,
    { type: "invalid_request_error", code: "invalid_fields", message: "The request body is not a valid JSON object." },
    true,
  );
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** Handles one `/v1/…` or `/v2/…` request end to end; answers only after its effects are on disk. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  kernel: Kernel,
  idem: Idempotency,
): Promise<void> {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  const method = (req.method ?? "GET").toUpperCase();
  const mode = pathname.startsWith("/v2") ? "v2" : "v1";
  const requestId = `req_${randomBytes(10).toString("hex")}`;
  const version = header(req, "stripe-version") || DEFAULT_API_VERSION;
  const idemKey = header(req, "idempotency-key") || null;
  const headers: Record<string, string> = { "request-id": requestId, "stripe-version": version };
  if (idemKey) headers["idempotency-key"] = idemKey;
  let heldKey: string | null = null;
  try {
    const apiKey = authenticate(req);
    if (!VERSION_RE.test(version)) throw invalidRequest(`Invalid Stripe API version: ${version}`);
    const match = kernel.router.match(method, pathname);
    if (!match) {
      throw new ApiError(404, {
        type: "invalid_request_error",
        message: `Unrecognized request URL (${method}: ${pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      });
    }
    const { route, path } = match;

    // Acting account: Stripe-Account (v1 and v2) or the last segment of Stripe-Context (v2).
    const platform = kernel.platformId();
    // An ephemeral key (`ek_test_…`) may make only the requests its owner allows, as its account.
    let scopedAccount: string | null = null;
    if (apiKey.startsWith("ek_")) {
      for (const scope of kernel.scopedKeys) scopedAccount ??= scope(apiKey, method, pathname);
      if (!scopedAccount)
        throw new ApiError(401, {
          type: "invalid_request_error",
          message: `Invalid API Key provided: ${mask(apiKey)} (ephemeral keys only read the object they were made for, until they expire)`,
        });
    }
    const acctHeader = header(req, "stripe-account");
    const contextHeader = header(req, "stripe-context") ?? null;
    const target = acctHeader || contextHeader?.split("/").filter(Boolean).pop();
    if (acctHeader) headers["stripe-account"] = acctHeader;
    let account = scopedAccount ?? platform;
    if (!scopedAccount && target && target !== platform) {
      const row = kernel.store.get("accounts", target);
      if (!row || row.owner !== platform) {
        throw new ApiError(403, {
          type: "invalid_request_error",
          code: "account_invalid",
          message: `The provided key '${mask(apiKey)}' does not have access to account '${target}' (or that account does not exist). Application access may have been revoked.`,
        });
      }
      account = target;
    }

    const nowMs = kernel.clock.nowMs();
    const idempotent = idemKey !== null && (method === "POST" || (mode === "v2" && method === "DELETE"));
    let scoped = "";
    let fingerprint = "";
    if (idempotent && idemKey) {
      if (idemKey.length > 255)
        throw invalidRequest("Idempotency key is too long. Keys must be at most 255 characters.");
      scoped = idem.scopedKey(account, idemKey);
      // The key is held from the moment the request arrives, body upload included.
      if (!idem.acquire(scoped)) {
        throw new ApiError(409, {
          type: "idempotency_error",
          code: "idempotency_key_in_use",
          message: `There is currently another in-progress request using this Stripe API key and idempotency key ('${idemKey}'). Please try again later.`,
        });
      }
      heldKey = scoped;
    }
    // Only v1 POSTs take multipart bodies (the Files API); a file is at most a purpose's limit.
    const contentType = header(req, "content-type");
    const multipart = method === "POST" && mode === "v1" && isMultipart(contentType);
    const bytes = await readBody(req, multipart ? MAX_MULTIPART : MAX_BODY);
    const raw = multipart ? "" : bytes.toString("utf8");
    const params = multipart
      ? parseMultipart(bytes, contentType ?? "")
      : method === "POST"
        ? mode === "v2"
          ? parseJsonBody(raw)
          : parseForm(raw)
        : parseForm(queryOf(url));
    if (idempotent && idemKey) {
      fingerprint = idem.fingerprint(method, pathname, params);
      const previous = idem.find(scoped, nowMs);
      if (previous) {
        if (previous.fp !== fingerprint) {
          throw new ApiError(400, {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`,
          });
        }
        await kernel.store.sync();
        send(
          res,
          previous.status,
          { ...headers, "idempotent-replayed": "true", "original-request": previous.request_id },
          previous.body,
        );
        return;
      }
    }

    // The parameters the SDK declares for this endpoint (with `expand[]` / `include[]`) at the
    // request's version (older versions keep what a later one removed), nothing else.
    const endpoint = mode === "v1" ? endpointAt(route.key, route.endpoint, version) : route.endpoint;
    const coerced = coerceParams(params, endpoint.params, mode, route.key, endpoint.list);

    let tx = kernel.store.begin();
    const after: Array<() => void> = [];
    const ctx: Ctx = {
      kernel,
      tx,
      params: coerced,
      path,
      account,
      platform,
      isConnected: account !== platform,
      context: contextHeader,
      mode,
      request: { id: requestId, idempotency_key: idemKey },
      apiVersion: version,
      origin: `http://${header(req, "host") ?? "127.0.0.1"}`,
      now: Math.floor(nowMs / 1000),
      nowMs,
      id: (prefix, length) => newId(ctx.tx, prefix, length),
      afterCommit: (fn) => after.push(fn),
    };
    let status = 200;
    let body: string;
    let waited: unknown;
    try {
      let result = route.handler(ctx);
      // A deferred handler (real-time authorization): make its first part durable-in-memory, wait, then resume.
      while (result instanceof Deferred) {
        const deferred: Deferred = result;
        const first = tx;
        await Promise.all([first.commit(), deferred.wait().then((v) => (waited = v))]);
        tx = kernel.store.begin();
        ctx.tx = tx;
        result = deferred.resume(ctx, waited);
      }
      const expand = coerced.expand as string[] | undefined;
      if (expand?.length) result = applyExpand(result, expand, ctx);
      body = JSON.stringify(result, null, 2);
    } catch (err) {
      // Once execution began, Stripe stores even an error under the key; the effects are dropped.
      if (!(err instanceof ApiError) || err.beforeExecution || (!idempotent && !err.keepEffects)) throw err;
      // A few errors record what happened before failing (a wrong microdeposit code counts an attempt).
      if (!err.keepEffects) {
        tx = kernel.store.begin();
        after.length = 0;
      }
      status = err.status;
      body = JSON.stringify(err.body(), null, 2);
    }
    if (idempotent) idem.save(tx, scoped, { fp: fingerprint, status, body, request_id: requestId, created_ms: nowMs });
    const wrote = tx.size > 0;
    await tx.commit();
    for (const fn of after) fn();
    if (wrote) for (const hook of kernel.onCommitted) hook();
    send(res, status, headers, body);
  } catch (err) {
    if (err instanceof ApiError) {
      send(res, err.status, headers, JSON.stringify(err.body(), null, 2));
      return;
    }
    console.error("sandbox: unexpected error", err);
    send(
      res,
      500,
      headers,
      JSON.stringify(
        { error: { type: "api_error", message: "An unexpected error occurred in the sandbox." } },
        null,
        2,
      ),
    );
  } finally {
    if (heldKey) idem.release(heldKey);
  }
}
