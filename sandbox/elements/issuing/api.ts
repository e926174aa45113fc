import type { IncomingMessage, ServerResponse } from "node:http";
import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import { ApiError, invalidRequest } from "../../wire/errors";
import { runNow } from "../../resources/later";
import { TABLES, type CardExtra } from "../../resources/issuing/common";
import { liveKey } from "../../resources/issuing/ephemeral-keys";
import { mintNonce } from "../../resources/issuing/nonces";
import { serveFrame, serveStripeJs } from "./serve";

/**
 * The Issuing Elements stand-in (docs.stripe.com/issuing/elements), in sandbox mode what
 * js.stripe.com is: `/stripe.js` (window.Stripe), the frame each element renders in
 * (`/issuing-elements/frame`, this origin, so the platform page never holds a value), and their API:
 * - `POST /issuing-elements/api/ephemeral_key_nonces {issuing_card}` with the publishable key: a
 *   nonce for `createEphemeralKeyNonce` (any origin may call, like Stripe's API with a `pk_`);
 * - `POST /issuing-elements/api/card {issuing_card, nonce, ephemeral_key_secret, field}`: one value
 *   for a frame, only with a live key made from that nonce for that card. No CORS headers: only a
 *   page of this origin (the frames) can read the answer.
 */
export const ELEMENTS_PREFIX = "/issuing-elements";
const NONCE_CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-max-age": "600",
};
export const FIELDS = ["number", "cvc", "expiry", "pin"] as const;
export type Field = (typeof FIELDS)[number];

export function isIssuingElementsPath(pathname: string): boolean {
  return pathname === "/stripe.js" || pathname.startsWith(`${ELEMENTS_PREFIX}/`);
}

function send(res: ServerResponse, status: number, body: unknown, cors: boolean): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...(cors ? NONCE_CORS : {}),
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = "";
  for await (const c of req) {
    raw += (c as Buffer).toString("utf8");
    if (raw.length > 16 * 1024) throw invalidRequest("Request body too large.");
  }
  try {
    const v = raw.trim() ? (JSON.parse(raw) as unknown) : {};
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw invalidRequest("The request body must be a JSON object.");
}

const unauthorized = (message: string) => new ApiError(401, { type: "invalid_request_error", message });

function publishableKey(req: IncomingMessage): void {
  const auth = String(req.headers.authorization ?? "");
  if (!/^Bearer pk_test_[A-Za-z0-9_]+$/.test(auth))
    throw unauthorized("Stripe.js calls this with a publishable key (Authorization: Bearer pk_test_…).");
}

/** The value one element shows, read with the element's key and nonce. */
export function elementValue(kernel: Kernel, input: Record<string, unknown>): string {
  const card = String(input.issuing_card ?? "");
  const field = String(input.field ?? "") as Field;
  if (!FIELDS.includes(field)) throw invalidRequest(`field must be one of ${FIELDS.join(", ")}.`, { param: "field" });
  const key = liveKey(kernel, String(input.ephemeral_key_secret ?? ""));
  if (!key) throw unauthorized("The ephemeral key is not valid: unknown, deleted or expired.");
  if (key.card !== card)
    throw invalidRequest(`The ephemeral key was created for another Issuing card, not ${card}.`, {
      param: "issuing_card",
    });
  if (key.nonce !== String(input.nonce ?? ""))
    throw invalidRequest("The nonce is not the one the ephemeral key was created with.", { param: "nonce" });
  const row = kernel.store.get<Stripe.Issuing.Card>(TABLES.cards, card);
  if (!row || row.owner !== key.account) throw unauthorized("The ephemeral key's card no longer exists.");
  const extra = row.extra as CardExtra;
  if (field === "expiry")
    return `${String(row.data.exp_month).padStart(2, "0")}/${String(row.data.exp_year % 100).padStart(2, "0")}`;
  if (field === "pin") return extra.pin;
  // As the API's `expand[]=number`: the number and CVC of a physical card are printed on it, never shown.
  if (row.data.type !== "virtual")
    throw invalidRequest(`The ${field} of a physical card cannot be shown; it is printed on the card.`, {
      param: "field",
    });
  return extra[field];
}

export async function handleIssuingElements(req: IncomingMessage, res: ServerResponse, kernel: Kernel): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox");
  const method = (req.method ?? "GET").toUpperCase();
  if (url.pathname === "/stripe.js") return serveStripeJs(req, res);
  if (url.pathname === `${ELEMENTS_PREFIX}/frame`) return serveFrame(req, res);
  const nonces = url.pathname === `${ELEMENTS_PREFIX}/api/ephemeral_key_nonces`;
  if (nonces && method === "OPTIONS") {
    res.writeHead(204, NONCE_CORS);
    res.end();
    return;
  }
  try {
    if (method !== "POST")
      throw new ApiError(405, { type: "invalid_request_error", message: `${method} is not allowed here.` });
    if (nonces) {
      publishableKey(req);
      const card = String((await readJson(req)).issuing_card ?? "");
      if (!/^ic_[A-Za-z0-9]+$/.test(card))
        throw invalidRequest("issuing_card must be the id of an Issuing card (ic_…).", { param: "issuing_card" });
      const nonce = await runNow(kernel, (ctx) => mintNonce(ctx, card));
      return send(res, 200, { object: "ephemeral_key_nonce", nonce }, true);
    }
    if (url.pathname === `${ELEMENTS_PREFIX}/api/card`)
      return send(res, 200, { value: elementValue(kernel, await readJson(req)) }, false);
    throw new ApiError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${url.pathname}).`,
    });
  } catch (err) {
    if (err instanceof ApiError) return send(res, err.status, err.body(), nonces);
    throw err;
  }
}
