import type Stripe from "stripe";
import { SANDBOX_SECRET_KEY, sandboxUrl, stripeMode } from "@/lib/config";

/** Retries of a failed request (network, 409 for a key in flight, 5xx), each with the same idempotency key. */
export const STRIPE_RETRIES = 2;

// No "server-only" here: the CLI scripts (set-up, reconcile) build their client from the same options.
/** Options for the one Stripe client: Stripe itself in stripe mode, the sandbox otherwise. */
export function stripeClientOptions(): { key: string; config: Stripe.StripeConfig } {
  const appInfo = { name: "Issuing Console", version: "0.1.0" };
  if (stripeMode() === "stripe") {
    // STRIPE_API_BASE points stripe mode at a proxy (or, in tests, at the sandbox); unset = Stripe.
    const base = process.env.STRIPE_API_BASE ? new URL(process.env.STRIPE_API_BASE) : null;
    const host = base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === "http:" ? 80 : 443)),
          protocol: base.protocol === "http:" ? ("http" as const) : ("https" as const),
        }
      : {};
    return {
      key: process.env.STRIPE_SECRET_KEY as string,
      config: { appInfo, maxNetworkRetries: STRIPE_RETRIES, timeout: 20_000, ...host },
    };
  }
  const url = new URL(sandboxUrl());
  return {
    key: SANDBOX_SECRET_KEY,
    config: {
      appInfo,
      host: url.hostname,
      port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
      protocol: url.protocol === "https:" ? "https" : "http",
      maxNetworkRetries: STRIPE_RETRIES,
      timeout: 20_000,
    },
  };
}
