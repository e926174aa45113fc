import type { Business } from "@/db/schema";
import { applyIssuingBalance, applyTreasuryFinancialAccount } from "@/lib/events/read-models";
import { applyFinancialAccountV2 } from "@/lib/events/read-models-v2";
import { v2Request } from "@/lib/stripe/v2";
import type { AdminDeps } from "./deps";

/**
 * After the admin moved money, re-reads the business's financial account so its balance on the
 * review page is right at once (the webhook will bring the same state; rows only move forward).
 * Best effort: the money has moved either way.
 */
export async function refreshFinancialAccounts(deps: AdminDeps, business: Business): Promise<void> {
  const accountId = business.stripeAccountId;
  const fa = business.financialAccountId;
  if (!accountId) return;
  try {
    const now = new Date();
    if (business.fundingModel === "issuing_balance") {
      const balance = await deps.stripe.balance.retrieve({}, { stripeAccount: accountId });
      await applyIssuingBalance(deps.db, accountId, balance, now);
    } else if (!fa) {
      return;
    } else if (business.fundingModel === "stablecoin") {
      const obj = await v2Request(
        deps.stripe,
        "GET",
        `/v2/money_management/financial_accounts/${encodeURIComponent(fa)}`,
        undefined,
        { account: accountId },
      );
      await applyFinancialAccountV2(deps.db, accountId, obj, now);
    } else {
      const obj = await deps.stripe.treasury.financialAccounts.retrieve(fa, {}, { stripeAccount: accountId });
      await applyTreasuryFinancialAccount(deps.db, accountId, obj, now);
    }
  } catch (err) {
    console.error("could not refresh the financial account after funding", err);
  }
}
