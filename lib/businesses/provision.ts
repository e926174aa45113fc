import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import { getBusinessByAccount, insertBusiness, setBusinessStripeIds } from "@/db/queries/businesses";
import { addMembership } from "@/db/queries/memberships";
import type { Business } from "@/db/schema";
import {
  createIssuingBalanceAccount,
  createStablecoinAccount,
  createTreasuryAccount,
  retrieveStablecoinAccount,
} from "@/lib/stripe/accounts";
import { createTreasuryFinancialAccount, createUsdcFinancialAccount } from "@/lib/stripe/financial-accounts";
import { balanceCurrencyFor, fundingModelFor } from "@/lib/funding-model";
import { ensureFundingInstructions } from "@/lib/issuing-balance/push-funding";
import type { NewBusinessInput } from "./schemas";

// Idempotency keys derive from the business row, the stored record of "create this once":
// a retry after a failure halfway (network, Stripe error, closed tab) finds the same account.
const accountKey = (b: Business) => `business-${b.id}-account`;
const financialAccountKey = (b: Business) => `business-${b.id}-financial-account`;

export async function createBusiness(
  db: Db,
  owner: { userId: string; email: string },
  input: NewBusinessInput,
): Promise<Business> {
  const fundingModel = fundingModelFor(input.country);
  if (!fundingModel) throw new Error(`unsupported country ${input.country}`);
  return db.transaction(async (tx) => {
    const business = await insertBusiness(tx, {
      legalName: input.legalName,
      country: input.country,
      businessType: input.businessType,
      fundingModel,
      contactEmail: owner.email,
    });
    await addMembership(tx, { businessId: business.id, userId: owner.userId, role: "owner" });
    await recordAudit(tx, {
      actorUserId: owner.userId,
      businessId: business.id,
      action: "business.created",
      target: business.id,
      data: { country: input.country, fundingModel },
    });
    return business;
  });
}

/** Creates the business's connected account once; safe to call again after any failure. */
export async function provisionStripeAccount(db: Db, stripe: Stripe, business: Business): Promise<string> {
  if (business.stripeAccountId) return business.stripeAccountId;
  const details = {
    email: business.contactEmail ?? "",
    legalName: business.legalName,
    country: business.country,
    businessType: business.businessType,
  };
  const accountId =
    business.fundingModel === "stablecoin"
      ? await createStablecoinAccount(stripe, details, accountKey(business))
      : business.fundingModel === "issuing_balance"
        ? await createIssuingBalanceAccount(stripe, details, balanceCurrencyFor(business.country), accountKey(business))
        : await createTreasuryAccount(stripe, details, accountKey(business));
  await setBusinessStripeIds(db, { businessId: business.id }, { stripeAccountId: accountId });
  business.stripeAccountId = accountId;
  return accountId;
}

export type OnboardingState = {
  status: "needs_account" | "needs_details" | "verifying" | "active" | "restricted";
  /** Requirement names still due, as Stripe lists them. */
  due: string[];
  /** Whether the capability that holds the business's money is active (Treasury, USDC, or Issuing for the Issuing balance). */
  canHoldMoney: boolean;
};

/** Reads the account from Stripe (freshness matters here) and says where onboarding stands. */
export async function onboardingState(stripe: Stripe, business: Business): Promise<OnboardingState> {
  if (!business.stripeAccountId) return { status: "needs_account", due: [], canHoldMoney: false };
  if (business.fundingModel === "stablecoin") {
    const account = await retrieveStablecoinAccount(stripe, business.stripeAccountId);
    const entries = (account.requirements?.entries ?? []) as Array<{ description?: string }>;
    const usdc = account.configuration?.storer?.capabilities?.holds_currencies?.usdc?.status as string | undefined;
    const due = entries.map((e) => String(e.description));
    const status =
      usdc === "active" ? "active" : due.length ? "needs_details" : usdc === "pending" ? "verifying" : "restricted";
    return { status, due, canHoldMoney: usdc === "active" };
  }
  const account = await stripe.accounts.retrieve(business.stripeAccountId);
  const due = account.requirements?.currently_due ?? [];
  const issuing = account.capabilities?.card_issuing;
  // On the Issuing balance, Issuing is the capability that holds the money; in the US it is Treasury.
  const holds = business.fundingModel === "issuing_balance" ? issuing : account.capabilities?.treasury;
  const status =
    holds === "active" && issuing === "active"
      ? "active"
      : due.length
        ? "needs_details"
        : holds === "pending"
          ? "verifying"
          : "restricted";
  return { status, due, canHoldMoney: holds === "active" };
}

/** Creates the financial account once onboarding allows it; returns its id, or null if not yet. */
export async function ensureFinancialAccount(
  db: Db,
  stripe: Stripe,
  business: Business,
  state?: OnboardingState,
): Promise<string | null> {
  if (business.financialAccountId) return business.financialAccountId;
  // The Issuing balance is part of the account itself: there is no financial account to open.
  if (!business.stripeAccountId || business.fundingModel === "issuing_balance") return null;
  const s = state ?? (await onboardingState(stripe, business));
  if (!s.canHoldMoney) return null;
  const id =
    business.fundingModel === "stablecoin"
      ? await createUsdcFinancialAccount(stripe, business.stripeAccountId, financialAccountKey(business))
      : await createTreasuryFinancialAccount(stripe, business.stripeAccountId, financialAccountKey(business));
  await setBusinessStripeIds(db, { businessId: business.id }, { financialAccountId: id });
  business.financialAccountId = id;
  return id;
}

/**
 * Sets up what an account's activation allows (the business's financial account, or its Issuing
 * balance's funding instructions), from the event
 * that reports a change to the account, never from a page render. Stripe refusing (say, a capability
 * not active after all) leaves it for the next event; a failure a retry could fix is passed on.
 */
export async function provisionOnActivation(db: Db, stripe: Stripe, accountId: string): Promise<void> {
  const business = await getBusinessByAccount(db, { accountId });
  if (!business || business.financialAccountId) return;
  try {
    if (business.fundingModel !== "issuing_balance") await ensureFinancialAccount(db, stripe, business);
    // The Issuing balance needs no account of its own: its bank details for transfers in.
    else if ((await onboardingState(stripe, business)).canHoldMoney) await ensureFundingInstructions(stripe, business);
  } catch (err) {
    const type = (err as { type?: string }).type;
    if (type !== "StripeInvalidRequestError" && type !== "StripePermissionError") throw err;
    console.error(`could not provision the financial account of ${accountId}`, err);
  }
}
