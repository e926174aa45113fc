import type Stripe from "stripe";
import type { Business } from "@/db/schema";
import { balanceCurrencyFor } from "@/lib/funding-model";

/**
 * The bank details a UK/EEA business sends money to: Stripe's funding instructions for its Issuing
 * balance. In the UK and the euro area an Issuing balance is funded by "push" (a bank transfer the
 * business makes), never by a top-up that pulls from its bank (docs.stripe.com/issuing/connect/funding:
 * pull funding "isn't available in the EU or the UK"). The SDK doesn't type the endpoint, so it is
 * called raw, here only.
 */
export type BankTransferDetails =
  | { kind: "sort_code"; holder: string; sortCode: string; accountNumber: string; networks: string[] }
  | { kind: "iban"; holder: string; iban: string; bic: string; networks: string[] };

type Address = Stripe.FundingInstructions.BankTransfer.FinancialAddress;

function detailsOf(address: Address | undefined): BankTransferDetails | null {
  const networks = address?.supported_networks ?? [];
  if (address?.sort_code)
    return {
      kind: "sort_code",
      holder: address.sort_code.account_holder_name,
      sortCode: address.sort_code.sort_code,
      accountNumber: address.sort_code.account_number,
      networks,
    };
  if (address?.iban)
    return {
      kind: "iban",
      holder: address.iban.account_holder_name,
      iban: address.iban.iban,
      bic: address.iban.bic,
      networks,
    };
  return null;
}

function instructionsParams(business: Business) {
  const currency = balanceCurrencyFor(business.country);
  return {
    bank_transfer: { type: currency === "gbp" ? "gb_bank_transfer" : "eu_bank_transfer" },
    currency,
    funding_type: "bank_transfer",
  };
}

/**
 * Creates the instructions the first time and returns the same ones after (Stripe's "create or
 * retrieve"). Called when the account is activated and before money is sent to them, never by a
 * page render (pages read them with `bankTransferDetails`).
 */
export async function ensureFundingInstructions(
  stripe: Stripe,
  business: Business,
): Promise<BankTransferDetails | null> {
  const instructions = (await stripe.rawRequest(
    "POST",
    "/v1/issuing/funding_instructions",
    instructionsParams(business),
    { stripeAccount: business.stripeAccountId! },
  )) as unknown as Stripe.FundingInstructions;
  return detailsOf(instructions.bank_transfer?.financial_addresses?.[0]);
}

/** The instructions already made for the business's currency, or null before activation made them. */
export async function bankTransferDetails(stripe: Stripe, business: Business): Promise<BankTransferDetails | null> {
  const currency = balanceCurrencyFor(business.country);
  const list = (await stripe.rawRequest("GET", "/v1/issuing/funding_instructions", undefined, {
    stripeAccount: business.stripeAccountId!,
  })) as unknown as { data: Stripe.FundingInstructions[] };
  const ours = list.data.find((i) => i.currency === currency);
  return detailsOf(ours?.bank_transfer?.financial_addresses?.[0]);
}

/** Sandbox and test mode: a bank transfer arriving at the instructions (Stripe's `fund_balance` test helper). */
export async function simulateBankTransferIn(stripe: Stripe, business: Business, amount: number): Promise<void> {
  const currency = balanceCurrencyFor(business.country);
  await ensureFundingInstructions(stripe, business);
  await stripe.rawRequest(
    "POST",
    "/v1/test_helpers/issuing/fund_balance",
    { amount, currency },
    { stripeAccount: business.stripeAccountId! },
  );
}
