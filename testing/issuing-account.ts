import type Stripe from "stripe";
import { settledTopup } from "./topups";

const TOS = { date: 1_700_000_000, ip: "127.0.0.1" };

/** Verifies a US company account (Issuing and Treasury terms accepted) and waits for Treasury to be active. */
export async function verifyUsCompany(stripe: Stripe, account: string, name: string): Promise<void> {
  await stripe.accounts.update(account, {
    company: {
      name,
      tax_id: "000000000",
      phone: "+15555550100",
      address: { line1: "1 Main", city: "SF", state: "CA", postal_code: "94111" },
    },
    business_profile: { mcc: "5734", url: "https://example.com" },
    external_account: "btok_us_verified",
    tos_acceptance: TOS,
    settings: { card_issuing: { tos_acceptance: TOS }, treasury: { tos_acceptance: TOS } },
  });
  for (let i = 0; i < 400 && (await stripe.accounts.retrieve(account)).capabilities?.treasury !== "active"; i++)
    await new Promise((r) => setTimeout(r, 50));
  if ((await stripe.accounts.retrieve(account)).capabilities?.treasury !== "active")
    throw new Error(`treasury never became active on ${account}`);
}

/** A verified US account whose Issuing balance holds `balance` and one active virtual card per `cards`. */
export async function issuingAccountWithCards(
  stripe: Stripe,
  opts: { balance: number; cards: number; dailyLimit?: number },
): Promise<{ account: string; cards: string[] }> {
  const account = (
    await stripe.accounts.create({
      type: "custom",
      country: "US",
      email: "issuing@example.test",
      capabilities: { card_issuing: { requested: true }, transfers: { requested: true } },
    })
  ).id;
  await stripe.accounts.update(account, {
    business_type: "individual",
    business_profile: { mcc: "5734", url: "https://example.com" },
    individual: {
      first_name: "Ria",
      last_name: "Test",
      email: "ria@example.test",
      phone: "+15555550100",
      ssn_last_4: "0000",
      dob: { day: 1, month: 1, year: 1990 },
      address: { line1: "1 Main", city: "SF", state: "CA", postal_code: "94111" },
    },
    external_account: "btok_us_verified",
    tos_acceptance: TOS,
    settings: { card_issuing: { tos_acceptance: TOS } },
  });
  for (let i = 0; i < 200 && (await stripe.accounts.retrieve(account)).capabilities?.card_issuing !== "active"; i++)
    await new Promise((r) => setTimeout(r, 50));
  const o = { stripeAccount: account };
  await settledTopup(stripe, { amount: opts.balance, stripeAccount: account });
  const holder = await stripe.issuing.cardholders.create(
    {
      type: "individual",
      name: "Ria Test",
      email: "ria@example.test",
      billing: { address: { line1: "1 Main", city: "SF", state: "CA", postal_code: "94111", country: "US" } },
      individual: { first_name: "Ria", last_name: "Test", card_issuing: { user_terms_acceptance: TOS } },
    },
    o,
  );
  const cards: string[] = [];
  for (let i = 0; i < opts.cards; i++) {
    const limits = opts.dailyLimit
      ? { spending_controls: { spending_limits: [{ amount: opts.dailyLimit, interval: "daily" as const }] } }
      : {};
    cards.push(
      (
        await stripe.issuing.cards.create(
          { cardholder: holder.id, currency: "usd", type: "virtual", status: "active", ...limits },
          o,
        )
      ).id,
    );
  }
  return { account, cards };
}
