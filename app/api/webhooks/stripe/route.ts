import { getDb } from "@/db";
import { handleWebhook } from "@/lib/events/ingest";
import { rulesCache } from "@/lib/rules/rules-store";
import { getStripe } from "@/lib/stripe/client";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024 * 1024;

/** Stripe's webhooks and real-time authorization requests (signed; verified before anything else). */
export async function POST(req: Request): Promise<Response> {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) return Response.json({ error: "Webhook signing secret is not configured" }, { status: 503 });
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return Response.json({ error: "Payload too large" }, { status: 413 });
  const raw = await req.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return Response.json({ error: "Payload too large" }, { status: 413 });
  const result = await handleWebhook({ db: getDb(), stripe: getStripe(), secret, rules: rulesCache() }, raw, req.headers.get("stripe-signature"));
  return Response.json(result.body, { status: result.status, headers: result.headers });
}
