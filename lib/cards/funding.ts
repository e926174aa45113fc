import type { Business } from "@/db/schema";

/** Where a card's money comes from, as the card page shows it. */
export type CardFunding =
  /** A stablecoin card: the USDC wallet (a v2 financial account). `inferred`: the card did not say, so it is the business's own. */
  | { kind: "usdc_wallet"; financialAccount: string; inferred: boolean; ownWallet: boolean }
  | { kind: "financial_account"; financialAccount: string }
  | { kind: "issuing_balance" };

type CardFields = { financial_account?: string | null; financial_account_v2?: string | null };

/**
 * A USDC card names its wallet in `financial_account_v2` (the stablecoin guide's parameter). The
 * field on the card object is only the guide's shape read forward, so Stripe may not answer it:
 * a card of a stablecoin business without it spends the business's own v2 financial account,
 * the only one such a business has.
 */
export function cardFunding(
  card: CardFields,
  business: Pick<Business, "fundingModel" | "financialAccountId">,
): CardFunding {
  const own = business.financialAccountId;
  if (card.financial_account_v2)
    return {
      kind: "usdc_wallet",
      financialAccount: card.financial_account_v2,
      inferred: false,
      ownWallet: card.financial_account_v2 === own,
    };
  if (card.financial_account) return { kind: "financial_account", financialAccount: card.financial_account };
  if (business.fundingModel === "stablecoin" && own)
    return { kind: "usdc_wallet", financialAccount: own, inferred: true, ownWallet: true };
  return { kind: "issuing_balance" };
}
