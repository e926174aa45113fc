import { z } from "zod";
import type Stripe from "stripe";
import { isMerchantCategory } from "@/lib/rules/merchant-categories";
import { parseMoney } from "@/lib/money";

export const purchaseSchema = z.object({
  card: z.string().regex(/^ic_[A-Za-z0-9_]{1,64}$/, { error: "Choose a card" }),
  category: z.string().refine(isMerchantCategory, { error: "Choose a merchant category" }),
  country: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, { error: "Use a two-letter country code" })),
  merchantName: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { error: "Enter a merchant name" }).max(60, { error: "Use at most 60 characters" })),
  // Parsed in the card's currency once the card is known (see simulatePurchase).
  amount: z.string({ error: "Enter an amount" }).max(30, { error: "Enter an amount like 12.50" }),
});

export type PurchaseInput = z.output<typeof purchaseSchema>;

/**
 * A purchase at a merchant, in the card's currency, through Stripe's test helper (the full
 * authorization pipeline runs). An amount that isn't one in that currency is refused, not sent.
 */
export async function simulatePurchase(
  stripe: Stripe,
  accountId: string,
  p: PurchaseInput,
): Promise<Stripe.Issuing.Authorization | { refused: string }> {
  // Retrieving first makes another account's card a clean "not found" rather than a helper error.
  const card = await stripe.issuing.cards.retrieve(p.card, {}, { stripeAccount: accountId });
  const amount = parseMoney(p.amount, card.currency);
  if (!amount.ok) return { refused: amount.message };
  return stripe.testHelpers.issuing.authorizations.create(
    {
      card: p.card,
      amount: amount.amount,
      currency: card.currency,
      merchant_data: {
        category: p.category as NonNullable<
          Parameters<Stripe["testHelpers"]["issuing"]["authorizations"]["create"]>[0]["merchant_data"]
        >["category"],
        country: p.country,
        name: p.merchantName,
      },
    },
    { stripeAccount: accountId },
  );
}
