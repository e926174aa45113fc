import "server-only";
import type { Receiver } from "./receivers";
import { MAX_BODY_BYTES, type WebhookResult } from "./ingest";

type Handle = (secret: string, rawBody: string, signature: string | null) => Promise<WebhookResult>;

/**
 * A route handler for one receiver: its own secret from the environment, the raw body (size
 * capped before it is read in full), then the receiver's handler, which verifies the signature
 * before anything else.
 */
export function receiverRoute(receiver: Receiver, handle: Handle): (req: Request) => Promise<Response> {
  return async (req) => {
    const secret = process.env[receiver.secretEnv];
    if (!secret) return Response.json({ error: "Webhook signing secret is not configured" }, { status: 503 });
    const length = Number(req.headers.get("content-length") ?? 0);
    if (length > MAX_BODY_BYTES) return Response.json({ error: "Payload too large" }, { status: 413 });
    const raw = await req.text();
    if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return Response.json({ error: "Payload too large" }, { status: 413 });
    const result = await handle(secret, raw, req.headers.get("stripe-signature"));
    return Response.json(result.body, { status: result.status, headers: result.headers });
  };
}
