import "server-only";
import type Stripe from "stripe";
import { getStripe } from "@/lib/stripe/client";

/**
 * The card as Stripe has it now (its spending controls are read live), scoped to the business's
 * account: another business's card, or any failure to read it, is simply not found (null).
 */
export async function retrieveBusinessCard(accountId: string, cardId: string): Promise<Stripe.Issuing.Card | null> {
  try {
    return await getStripe().issuing.cards.retrieve(cardId, {}, { stripeAccount: accountId });
  } catch {
    return null;
  }
}
