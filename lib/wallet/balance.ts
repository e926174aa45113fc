import "server-only";
import type { Business } from "@/db/schema";
import { walletOf } from "@/lib/wallet/account";
import { fetchUsdcBalance, type UsdcBalance } from "@/lib/payouts/stripe";
import { getStripe } from "@/lib/stripe/client";

/** The wallet's balance read now from Stripe, or null when it can't be (shown as unavailable, never an error page). */
export async function currentBalance(business: Business): Promise<UsdcBalance | null> {
  const wallet = walletOf(business);
  if (!wallet) return null;
  try {
    return await fetchUsdcBalance(getStripe(), wallet.account, wallet.financialAccount);
  } catch (err) {
    console.error("wallet: balance unavailable", err);
    return null;
  }
}
