import { z } from "zod";
import { getBusiness } from "@/db/queries/businesses";
import type { Business } from "@/db/schema";
import type { PlatformActor } from "@/lib/actions/execute";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { balanceCurrencyFor } from "@/lib/funding-model";
import { amountIn } from "@/lib/issuing-balance/amount";
import { ensureFundingInstructions } from "@/lib/issuing-balance/push-funding";
import { callStripeOnce, claimOperation, recordSuccess } from "@/lib/operations";
import { v2Request } from "@/lib/stripe/v2";
import type { AdminDeps } from "./deps";
import { platformTreasuryAccount, platformV2UsdAccount } from "./platform-accounts";
import { refreshFinancialAccounts } from "./refresh";

export const FUNDING_KIND = "platform_funding";

export const fundSchema = z.object({
  businessId: z.uuid({ error: "Unknown business" }),
  // Parsed in the currency the business is funded in (USD, or its Issuing balance's), once it is known.
  amount: z.string({ error: "Enter an amount" }).max(30, { error: "Enter an amount like 12.50" }),
  clientToken: z.string({ error: "Reload the page and try again" }).min(16).max(100),
});

export type FundInput = z.output<typeof fundSchema>;
/** What left the platform and what arrived (USD → USDC for stablecoin businesses). */
export type FundResult = {
  operationId: string;
  stripeObjectId: string;
  debited: { amount: number; currency: string };
  credited: { amount: number; currency: string };
  replayed?: boolean;
};

async function sendMoney(
  deps: AdminDeps,
  business: Business,
  amount: number,
  idempotencyKey: string,
): Promise<Omit<FundResult, "operationId">> {
  const accountId = business.stripeAccountId!;
  if (business.fundingModel === "issuing_balance") {
    // UK/EEA Issuing balances are funded by bank transfer to their funding instructions; in sandbox
    // mode Stripe's test helper stands in for the platform's bank sending it (fundBusiness refuses
    // this path against real Stripe, where the transfer is made from the platform's bank).
    const currency = balanceCurrencyFor(business.country);
    await ensureFundingInstructions(deps.stripe, business);
    const funded = (await deps.stripe.rawRequest(
      "POST",
      "/v1/test_helpers/issuing/fund_balance",
      { amount, currency },
      { stripeAccount: accountId, idempotencyKey },
    )) as { id?: string };
    const moved = { amount, currency };
    return { stripeObjectId: funded.id ?? idempotencyKey, debited: moved, credited: moved };
  }
  const destination = business.financialAccountId!;
  if (business.fundingModel === "stablecoin") {
    const from = await platformV2UsdAccount(deps.stripe);
    if (!from) throw Object.assign(new Error("no platform v2 financial account"), { code: "account_invalid" });
    const obp = await v2Request(
      deps.stripe,
      "POST",
      "/v2/money_management/outbound_payments",
      {
        from: { financial_account: from.id, currency: "usd" },
        to: { recipient: accountId, payout_method: destination, currency: "usdc" },
        amount: { value: amount, currency: "usd" },
        description: "Funding from the platform",
      },
      { idempotencyKey },
    );
    const debited = obp.from?.debited ?? obp.amount;
    const credited = obp.to?.credited ?? { value: 0, currency: "usdc" };
    return {
      stripeObjectId: String(obp.id),
      debited: { amount: Number(debited.value), currency: String(debited.currency) },
      credited: { amount: Number(credited.value), currency: String(credited.currency) },
    };
  }
  const from = await platformTreasuryAccount(deps.stripe);
  if (!from) throw Object.assign(new Error("no platform Treasury financial account"), { code: "account_invalid" });
  const payment = await deps.stripe.treasury.outboundPayments.create(
    {
      financial_account: from.id,
      amount,
      currency: "usd",
      destination_payment_method_data: { type: "financial_account", financial_account: destination },
      description: "Funding from the platform",
    },
    { idempotencyKey },
  );
  return {
    stripeObjectId: payment.id,
    debited: { amount: payment.amount, currency: payment.currency },
    credited: { amount: payment.amount, currency: payment.currency },
  };
}

/**
 * Funds a business from the platform's financial account. The operation row (unique per form
 * submission) is written first and its id is the Stripe idempotency key, so a double click, a
 * retry after a timeout or a second tab moves the money once.
 */
export async function fundBusiness(
  deps: AdminDeps,
  actor: PlatformActor,
  input: FundInput,
): Promise<ActionResult<FundResult>> {
  const business = await getBusiness(deps.db, { businessId: input.businessId });
  if (!business) return fail("not_found");
  const issuingBalance = business.fundingModel === "issuing_balance";
  const currency = issuingBalance ? balanceCurrencyFor(business.country) : "usd";
  const parsed = amountIn(input.amount, currency);
  if (!parsed.ok) return fail("validation_failed", { amount: parsed.message });
  if (issuingBalance && deps.mode !== "sandbox")
    return fail("validation_failed", {
      amount:
        "UK and EEA businesses are funded by a bank transfer to their Issuing balance's bank details, shown on this page",
    });
  if (!business.stripeAccountId || (!issuingBalance && !business.financialAccountId))
    return fail("validation_failed", {
      amount: `This business has no ${issuingBalance ? "Issuing balance" : "financial account"} yet: it must finish onboarding first`,
    });
  const amount = parsed.amount;
  const claim = await claimOperation(deps.db, {
    kind: FUNDING_KIND,
    clientToken: input.clientToken,
    businessId: business.id,
    createdBy: actor.userId,
    amount,
    currency,
    request: { amount },
  });
  if (!claim.ok) return claim;
  const { op } = claim.data;
  if (op.status === "succeeded")
    return ok({ operationId: op.id, ...(op.result as Omit<FundResult, "operationId">), replayed: true });
  const sent = await callStripeOnce(deps.db, op, (key) => sendMoney(deps, business, amount, key));
  if (!sent.ok) return sent.result;
  await recordSuccess(deps.db, op, {
    stripeObjectId: sent.value.stripeObjectId,
    result: sent.value as unknown as Record<string, unknown>,
  });
  await refreshFinancialAccounts(deps, business);
  return ok({ operationId: op.id, ...sent.value });
}
