import { createHmac } from "node:crypto";

/** `Stripe-Signature` exactly as Stripe builds it: `t=<unix>,v1=hex(HMAC-SHA256(secret, "<t>.<body>"))`. */
export function signatureHeader(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

/** POSTs a signed JSON body the way Stripe calls webhook endpoints, event destinations and real-time authorization endpoints. */
export function postSigned(
  target: { url: string; secret: string },
  body: string,
  signal: AbortSignal,
): Promise<Response> {
  return fetch(target.url, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      "stripe-signature": signatureHeader(body, target.secret),
    },
    body,
    signal,
  });
}
