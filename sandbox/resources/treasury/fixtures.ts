import type Stripe from "stripe";
import { completeIndividual, customAccountParams, eventually } from "../../test-helpers";

/** Shared by the Treasury tests and the conformance workload. */

/** A Custom account with treasury, card_issuing and ACH active (the US guide's first step). */
export async function treasuryAccount(stripe: Stripe): Promise<string> {
  const acct = await stripe.accounts.create(customAccountParams);
  await stripe.accounts.update(acct.id, completeIndividual);
  await eventually(async () => (await stripe.accounts.retrieve(acct.id)).capabilities?.treasury === "active");
  return acct.id;
}

/** Every feature the US embedded finance guide requests on a financial account. */
export const GUIDE_FEATURES: Stripe.Treasury.FinancialAccountCreateParams.Features = {
  card_issuing: { requested: true },
  deposit_insurance: { requested: true },
  financial_addresses: { aba: { requested: true } },
  inbound_transfers: { ach: { requested: true } },
  intra_stripe_flows: { requested: true },
  outbound_payments: { ach: { requested: true }, us_domestic_wire: { requested: true } },
  outbound_transfers: { ach: { requested: true }, us_domestic_wire: { requested: true } },
};

/** The guide's bank account: a company account set up for inbound and outbound flows, confirmed at once (microdeposits next). */
export const GUIDE_BANK_SETUP: Stripe.SetupIntentCreateParams = {
  allowed_payment_method_types: ["us_bank_account"],
  attach_to_self: true,
  flow_directions: ["inbound", "outbound"],
  confirm: true,
  payment_method_data: {
    type: "us_bank_account",
    us_bank_account: { routing_number: "110000000", account_number: "000123456789", account_holder_type: "company" },
    billing_details: { name: "Jenny Rosen" },
  },
  mandate_data: { customer_acceptance: { type: "online", online: { ip_address: "127.0.0.1", user_agent: "test" } } },
};

/** The guide's bank account on `acct`, verified with Stripe's test descriptor code; resolves to its PaymentMethod id. */
export async function verifiedBank(stripe: Stripe, acct: string): Promise<string> {
  const opts = { stripeAccount: acct };
  const si = await stripe.setupIntents.create(GUIDE_BANK_SETUP, opts);
  await stripe.setupIntents.verifyMicrodeposits(si.id, { descriptor_code: "SM11AA" }, opts);
  return String(si.payment_method);
}
