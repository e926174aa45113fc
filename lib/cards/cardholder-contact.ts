import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { applyCardholder } from "@/lib/events/read-models";
import { stripeFailure } from "@/lib/stripe/errors";

/** Stripe takes a cardholder's phone in E.164: a plus, the country code, then the number. */
export const E164 = /^\+[1-9]\d{6,14}$/;
export const PHONE_FORMAT = "Enter the phone number with its country code, like +14155550123";

export const contactSchema = z.object({
  card: z.string().regex(/^ic_[A-Za-z0-9_]{1,64}$/, { error: "That card could not be found" }),
  email: z.string().max(254, { error: "Use at most 254 characters" }).trim().optional().or(z.literal("")),
  phone: z.string().max(20, { error: "Use at most 20 characters" }).trim().optional().or(z.literal("")),
});
export type ContactInput = z.output<typeof contactSchema>;

/**
 * Adds an email or a phone number to the cardholder of one of the account's cards: a wallet
 * (Apple Pay, Google Pay) verifies the cardholder with one of them, and Stripe marks the card
 * ineligible while both are missing. Only what is given is set; nothing is removed here.
 */
export async function setCardholderContact(
  db: DbOrTx,
  stripe: Stripe,
  accountId: string,
  input: ContactInput,
): Promise<ActionResult<{ cardholder: string }>> {
  const fields: Record<string, string> = {};
  if (!input.email && !input.phone) fields.email = "Enter an email address or a phone number";
  if (input.email && !z.email().safeParse(input.email).success) fields.email = "Enter a valid email address";
  if (input.phone && !E164.test(input.phone)) fields.phone = PHONE_FORMAT;
  if (Object.keys(fields).length) return fail("validation_failed", fields);
  const opts = { stripeAccount: accountId };
  let card: Stripe.Issuing.Card;
  try {
    card = await stripe.issuing.cards.retrieve(input.card, {}, opts);
  } catch {
    return fail("not_found", undefined, "That card could not be found");
  }
  try {
    const updated = await stripe.issuing.cardholders.update(
      card.cardholder.id,
      {
        ...(input.email ? { email: input.email.toLowerCase() } : {}),
        ...(input.phone ? { phone_number: input.phone } : {}),
      },
      opts,
    );
    // The webhook brings the same change; applied now so the next page shows it.
    await applyCardholder(db, accountId, updated, new Date());
    return ok({ cardholder: updated.id });
  } catch (err) {
    return stripeFailure(err, {
      fieldFor: (param) => (param === "phone_number" ? "phone" : param === "email" ? "email" : null),
      field: "_form",
    }).result;
  }
}
