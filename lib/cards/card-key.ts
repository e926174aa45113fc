import "server-only";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";

/** Ephemeral keys need an explicit API version (the SDK refuses without one). */
const EPHEMERAL_KEY_API_VERSION = "2026-10-28.endive";

export type CardKey = { issuingCard: string; nonce: string; ephemeralKeySecret: string };

/**
 * An ephemeral key for one card, from the nonce Stripe.js made in the browser: the embedded card
 * view and Issuing Elements read the card's number and PIN from Stripe with it. The caller has
 * already decided the card is theirs to show.
 */
export async function createCardKey(
  accountId: string,
  issuingCard: string,
  nonce: string,
): Promise<ActionResult<CardKey>> {
  try {
    const key = await getStripe().ephemeralKeys.create(
      { issuing_card: issuingCard, nonce },
      { apiVersion: EPHEMERAL_KEY_API_VERSION, stripeAccount: accountId },
    );
    return ok({ issuingCard, nonce, ephemeralKeySecret: key.secret ?? "" });
  } catch (err) {
    console.error("ephemeral key failed", err instanceof Error ? err.message : err);
    return fail("not_found", undefined, "That card could not be found.");
  }
}
