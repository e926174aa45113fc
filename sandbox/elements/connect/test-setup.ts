import type Stripe from "stripe";
import { treasuryAccount } from "../../resources/treasury/fixtures";

/** A US Custom account with treasury + card_issuing active, a financial account and money in it. */
export async function fundedAccount(stripe: Stripe, cents = 100_000): Promise<{ acct: string; fa: string }> {
  const acct = await treasuryAccount(stripe);
  const opts = { stripeAccount: acct };
  const fa = await stripe.treasury.financialAccounts.create(
    {
      supported_currencies: ["usd"],
      features: {
        card_issuing: { requested: true },
        financial_addresses: { aba: { requested: true } },
        intra_stripe_flows: { requested: true },
        outbound_payments: { ach: { requested: true }, us_domestic_wire: { requested: true } },
        outbound_transfers: { ach: { requested: true } },
      },
    },
    opts,
  );
  if (cents > 0)
    await stripe.testHelpers.treasury.receivedCredits.create(
      { financial_account: fa.id, amount: cents, currency: "usd", network: "ach" },
      opts,
    );
  return { acct, fa: fa.id };
}

type Components = Stripe.AccountSessionCreateParams.Components;

const ALL_CARD_FEATURES = {
  card_management: true,
  cardholder_management: true,
  spend_control_management: true,
  card_spend_dispute_management: true,
};

/** An owner's session: every money and card feature. */
export const OWNER: Components = {
  account_onboarding: { enabled: true },
  notification_banner: { enabled: true },
  financial_account: {
    enabled: true,
    features: { send_money: true, transfer_balance: true, external_account_collection: true },
  },
  financial_account_transactions: { enabled: true, features: { card_spend_dispute_management: true } },
  issuing_cards_list: {
    enabled: true,
    features: ALL_CARD_FEATURES,
  },
  issuing_card: {
    enabled: true,
    features: ALL_CARD_FEATURES,
  },
};

/** A member's session, as the app makes it: can look, cannot move money or manage cards. */
export const MEMBER: Components = {
  notification_banner: { enabled: true },
  financial_account: {
    enabled: true,
    features: { send_money: false, transfer_balance: false, external_account_collection: true },
  },
  financial_account_transactions: { enabled: true },
  issuing_cards_list: {
    enabled: true,
    features: {
      card_management: false,
      cardholder_management: false,
      spend_control_management: false,
      card_spend_dispute_management: false,
    },
  },
};

export async function session(stripe: Stripe, account: string, components: Components): Promise<string> {
  return (await stripe.accountSessions.create({ account, components })).client_secret;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
type Loose = Record<string, any>;
export type Api = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: Loose; headers: Headers }>;

/** The elements API as connect.js calls it: fetch with the client secret as Bearer. */
export function api(base: string, secret: string): Api {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`${base}/connect/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${secret}`,
        origin: "http://localhost:3000",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Loose, headers: res.headers };
  };
}
