import "server-only";
import Stripe from "stripe";
import { SANDBOX_SECRET_KEY, sandboxUrl, stripeMode } from "@/lib/config";

const globalForStripe = globalThis as unknown as { issuingConsoleStripe?: Stripe };

/** Options for the one Stripe client: Stripe itself in stripe mode, the sandbox otherwise. */
export function stripeClientOptions(): { key: string; config: Stripe.StripeConfig } {
  const appInfo = { name: "Issuing Console", version: "0.1.0" };
  if (stripeMode() === "stripe") {
    return { key: process.env.STRIPE_SECRET_KEY as string, config: { appInfo, maxNetworkRetries: 2, timeout: 20_000 } };
  }
  const url = new URL(sandboxUrl());
  return {
    key: SANDBOX_SECRET_KEY,
    config: {
      appInfo,
      host: url.hostname,
      port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
      protocol: url.protocol === "https:" ? "https" : "http",
      maxNetworkRetries: 2,
      timeout: 20_000,
    },
  };
}

/** The app's single Stripe client (server only). */
export function getStripe(): Stripe {
  if (!globalForStripe.issuingConsoleStripe) {
    const { key, config } = stripeClientOptions();
    globalForStripe.issuingConsoleStripe = new Stripe(key, config);
  }
  return globalForStripe.issuingConsoleStripe;
}
