import { Readable } from "node:stream";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Kernel } from "../../kernel";
import type { Idempotency } from "../../wire/idempotency";
import { handleApi } from "../../wire/pipeline";
import { contract } from "../../contract";

/** What the elements API hands to `/v1` (and `/v2`): a platform key, acting as the session's account. */
export const PLATFORM_KEY = "sk_test_connect_embedded_components";

export type V1Call = {
  method: "GET" | "POST";
  path: string;
  params?: Record<string, unknown>;
  /** `Stripe-Account`; omit for platform calls such as `/v1/accounts/:id`. */
  account?: string;
  /** Defaults to the platform key; the card reveal passes the app's ephemeral key instead. */
  apiKey?: string;
  idempotencyKey?: string;
  host?: string;
};
export type V1Result = { status: number; body: Record<string, unknown> };

/** Stripe's form encoding (`a[b][0]=x`), the inverse of `wire/form.ts`. */
export function encodeForm(params: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (key: string, v: unknown) => {
    if (v === undefined) return;
    if (v === null) out.push(`${encodeURIComponent(key)}=`);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(`${key}[${i}]`, x));
    else if (typeof v === "object")
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(`${key}[${k}]`, x);
    else out.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v as string | number | boolean))}`);
  };
  for (const [k, v] of Object.entries(params)) walk(k, v);
  return out.join("&");
}

/**
 * Runs one request through the real `/v1` pipeline in process (auth, scoping, schema,
 * idempotency, events, ledger, durable commit), as if the platform had sent it with
 * `Stripe-Account`. The request and response objects are minimal stand-ins for node's:
 * the pipeline only reads url/method/headers and the body stream, and only writes head + end.
 */
export async function callV1(kernel: Kernel, idem: Idempotency, call: V1Call): Promise<V1Result> {
  // `/v2/…` calls (the stablecoin account's financial accounts) go as the SDKs send them: JSON,
  // `Stripe-Context`, the preview version. `/v1` calls name the pinned version, so the components
  // are held to the same rules as the app rather than the platform's older default.
  const v2 = call.path.startsWith("/v2/");
  const form = v2 ? "" : encodeForm(call.params ?? {});
  const query = v2
    ? new URLSearchParams(Object.entries(call.params ?? {}).map(([k, v]) => [k, String(v)])).toString()
    : form;
  const url = call.method === "GET" && query ? `${call.path}?${query}` : call.path;
  const payload = call.method !== "POST" ? "" : v2 ? JSON.stringify(call.params ?? {}) : form;
  const headers: Record<string, string> = {
    authorization: `Bearer ${call.apiKey ?? PLATFORM_KEY}`,
    host: call.host ?? "127.0.0.1",
    "stripe-version": v2 ? contract().sdk.v2.api : contract().sdk.v1.api,
  };
  if (call.account) headers[v2 ? "stripe-context" : "stripe-account"] = call.account;
  if (call.idempotencyKey) headers["idempotency-key"] = call.idempotencyKey;
  if (call.method === "POST") headers["content-type"] = v2 ? "application/json" : "application/x-www-form-urlencoded";
  const req = Readable.from(payload ? [Buffer.from(payload)] : []) as unknown as IncomingMessage;
  Object.assign(req, { url, method: call.method, headers });
  let status = 500;
  let text = "";
  const res = {
    writeHead(s: number) {
      status = s;
      return res;
    },
    end(body?: string) {
      text = body ?? "";
    },
  };
  await handleApi(req, res as unknown as ServerResponse, kernel, idem);
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { error: { type: "api_error", message: "The sandbox answered with something that is not JSON." } };
  }
  return { status, body };
}
