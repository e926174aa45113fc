import "server-only";
import Stripe from "stripe";
import { stripeClientOptions } from "./options";

const globalForStripe = globalThis as unknown as { issuingConsoleStripe?: Stripe };

/** The app's single Stripe client (server only). */
export function getStripe(): Stripe {
  if (!globalForStripe.issuingConsoleStripe) {
    const { key, config } = stripeClientOptions();
    globalForStripe.issuingConsoleStripe = new Stripe(key, config);
  }
  return globalForStripe.issuingConsoleStripe;
}
