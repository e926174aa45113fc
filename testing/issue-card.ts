import type Stripe from "stripe";
// Relative, not "@/": the browser tests (e2e/) import this file too.
import { V2_PREVIEW_VERSION } from "../lib/stripe/v2";

/** `email` null: a cardholder with no contact at all (a wallet then refuses the card). */
export type CardholderName = { first: string; last: string; email: string | null };

const TERMS = { date: 1_700_000_000, ip: "127.0.0.1" };

/**
 * A cardholder and an active virtual card on a business's connected account, made as the business
 * (its embedded component) would, spending from the account's financial account. Shared by the
 * browser tests and the benchmarks.
 */
export async function issueCard(
  stripe: Stripe,
  accountId: string,
  fundingModel: "stablecoin" | "treasury",
  opts: { holder?: CardholderName; dailyLimit?: number } = {},
): Promise<{ card: string; cardholder: string; financialAccount: string }> {
  const o = { stripeAccount: accountId };
  const fa =
    fundingModel === "stablecoin"
      ? (
          (await stripe.rawRequest("GET", "/v2/money_management/financial_accounts", undefined, {
            apiVersion: V2_PREVIEW_VERSION,
            stripeContext: accountId,
          })) as unknown as { data: Array<{ id: string }> }
        ).data[0]?.id
      : (await stripe.treasury.financialAccounts.list({}, o)).data[0]?.id;
  if (!fa) throw new Error(`no financial account for ${accountId}`);
  const { first, last, email } = opts.holder ?? { first: "Ana", last: "Tester", email: "ana.tester@example.test" };
  // A stablecoin account issues through card_creator (Lead Bank): its cardholders accept Lead's terms and its cards
  // name their USDC wallet in financial_account_v2 (the stablecoin guide's preview parameters, not in the SDK's types).
  const holder = await stripe.issuing.cardholders.create(
    {
      type: "individual",
      name: `${first} ${last}`,
      ...(email ? { email } : {}),
      billing: {
        address: { line1: "1 Main St", city: "San Francisco", state: "CA", postal_code: "94111", country: "US" },
      },
      individual: {
        first_name: first,
        last_name: last,
        dob: { day: 1, month: 1, year: 1990 },
        ...(fundingModel === "stablecoin"
          ? { user_terms_acceptance: { lead: TERMS } }
          : { card_issuing: { user_terms_acceptance: TERMS } }),
      },
    } as Stripe.Issuing.CardholderCreateParams,
    o,
  );
  const card = await stripe.issuing.cards.create(
    {
      cardholder: holder.id,
      currency: "usd",
      type: "virtual",
      status: "active",
      ...(fundingModel === "stablecoin" ? { financial_account_v2: fa } : { financial_account: fa }),
      ...(opts.dailyLimit
        ? { spending_controls: { spending_limits: [{ amount: opts.dailyLimit, interval: "daily" }] } }
        : {}),
    } as Stripe.Issuing.CardCreateParams,
    o,
  );
  return { card: card.id, cardholder: holder.id, financialAccount: fa };
}
