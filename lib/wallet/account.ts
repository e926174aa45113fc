import type { Business } from "@/db/schema";

/** The business's USDC wallet, when it has one (stablecoin businesses once verified). */
export function walletOf(business: Business | undefined): { account: string; financialAccount: string } | null {
  if (!business || business.fundingModel !== "stablecoin" || !business.stripeAccountId || !business.financialAccountId)
    return null;
  return { account: business.stripeAccountId, financialAccount: business.financialAccountId };
}
