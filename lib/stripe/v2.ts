import type Stripe from "stripe";

/** The preview API version the stablecoin endpoints answer to (private preview shapes). */
export const V2_PREVIEW_VERSION = "2025-12-15.preview";

// Preview shapes that the GA SDK does not type: read fields defensively where they are used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type V2Object = Record<string, any>;
export type V2Money = { value: number; currency: string };

/** `stripe.rawRequest` for v2 preview endpoints, optionally as a connected account. */
export async function v2Request(
  stripe: Stripe,
  method: "GET" | "POST",
  path: string,
  body?: Record<string, unknown>,
  opts: { account?: string; idempotencyKey?: string } = {},
): Promise<V2Object> {
  return (await stripe.rawRequest(method, path, method === "POST" ? (body ?? {}) : undefined, {
    apiVersion: V2_PREVIEW_VERSION,
    ...(opts.account ? { stripeContext: opts.account } : {}),
    ...(opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {}),
  })) as V2Object;
}

export function includeQuery(includes: string[]): string {
  return includes.map((inc, i) => `include[${i}]=${encodeURIComponent(inc)}`).join("&");
}
