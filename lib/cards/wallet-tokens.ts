import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { applyToken } from "@/lib/events/read-models";
import { stripeFailure } from "@/lib/stripe/errors";

/**
 * A card's digital-wallet tokens (Apple Pay, Google Pay…: docs.stripe.com/issuing/cards/digital-wallets).
 * Stripe makes one when a cardholder adds the card in a wallet app; the business can suspend it
 * (the wallet stops paying with it) and resume it, and a removed (`deleted`) token is final.
 */
export const WALLET_NAMES: Record<string, string> = {
  apple_pay: "Apple Pay",
  google_pay: "Google Pay",
  samsung_pay: "Samsung Pay",
};

const cardId = z.string().regex(/^ic_[A-Za-z0-9_]{1,64}$/, { error: "That card could not be found" });
const tokenId = z.string().regex(/^intok_[A-Za-z0-9_]{1,64}$/, { error: "That wallet token could not be found" });

export const tokenStatusSchema = z.object({
  card: cardId,
  token: tokenId,
  status: z.enum(["active", "suspended"], { error: "Choose suspend or resume" }),
});
export type TokenStatusInput = z.output<typeof tokenStatusSchema>;

/**
 * Suspends or resumes one token of one of the account's cards. A token of another account, or of
 * another card than the one named, is not found; a removed token can't change any more.
 */
export async function setTokenStatus(
  db: DbOrTx,
  stripe: Stripe,
  accountId: string,
  input: TokenStatusInput,
): Promise<ActionResult<{ token: string; status: string }>> {
  const opts = { stripeAccount: accountId };
  let token: Stripe.Issuing.Token;
  try {
    token = await stripe.issuing.tokens.retrieve(input.token, {}, opts);
  } catch {
    return fail("not_found", undefined, "That wallet token could not be found");
  }
  const card = typeof token.card === "string" ? token.card : token.card.id;
  if (card !== input.card) return fail("not_found", undefined, "That wallet token could not be found");
  if (token.status === "deleted")
    return fail("validation_failed", {
      _form:
        "This card was removed from that wallet, so it can't be suspended or resumed. Add it to the wallet again instead",
    });
  try {
    const updated = await stripe.issuing.tokens.update(token.id, { status: input.status }, opts);
    // The webhook brings the same change; applied now so the next page shows it.
    await applyToken(db, accountId, updated, new Date());
    return ok({ token: updated.id, status: updated.status });
  } catch (err) {
    return stripeFailure(err, {
      field: "_form",
      refused:
        input.status === "active"
          ? "This wallet token can't be resumed (is the card canceled?)"
          : "This wallet token can't be suspended",
    }).result;
  }
}

/** Why the card can't go into Apple Pay or Google Pay (the cardholder has neither phone nor email), or null. */
export function walletIneligibility(card: Pick<Stripe.Issuing.Card, "wallets">): string | null {
  const reasons = [card.wallets?.apple_pay?.ineligible_reason, card.wallets?.google_pay?.ineligible_reason];
  if (reasons.includes("missing_cardholder_contact"))
    return "Add a phone number or email to the cardholder to use Apple Pay or Google Pay.";
  return null;
}
