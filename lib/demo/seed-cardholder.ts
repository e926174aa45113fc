import type Stripe from "stripe";
import type { Db } from "@/db/connect";
import { businessesNamed } from "@/db/queries/businesses";
import { addMembership, membershipsOf } from "@/db/queries/memberships";
import { getUserByEmail } from "@/db/queries/users";
import { applyCard, applyCardholder } from "@/lib/events/read-models";

// Sandbox mode only: the demo cardholder, a person who carries Acme's cards and signs in to see
// only them. Every step is idempotent (fixed idempotency keys, and the membership is made last).
export const DEMO_CARDHOLDER = { email: "cardholder@us.test", business: "Acme Supplies Inc." } as const;

const ADDRESS = { line1: "510 Townsend St", city: "San Francisco", state: "CA", postal_code: "94103", country: "US" };

/** Gives the demo cardholder sign-in a cardholder at Acme with a virtual and a physical card, once. */
export async function seedDemoCardholder(db: Db, stripe: Stripe, log: (line: string) => void): Promise<void> {
  const user = await getUserByEmail(db, { email: DEMO_CARDHOLDER.email });
  const [acme] = await businessesNamed(db, { legalNames: [DEMO_CARDHOLDER.business] });
  if (!user || !acme?.stripeAccountId || !acme.financialAccountId) return;
  if ((await membershipsOf(db, { userId: user.id })).some((m) => m.business.id === acme.id)) return;
  const accountId = acme.stripeAccountId;
  const opts = (key: string) => ({ stripeAccount: accountId, idempotencyKey: `demo-${accountId}-cardholder-${key}` });
  const holder = await stripe.issuing.cardholders.create(
    {
      type: "individual",
      name: "Chloe Cardholder",
      email: DEMO_CARDHOLDER.email,
      phone_number: "+14155550199",
      billing: { address: ADDRESS },
      individual: {
        first_name: "Chloe",
        last_name: "Cardholder",
        card_issuing: { user_terms_acceptance: { date: 1_700_000_000, ip: "127.0.0.1" } },
      },
    },
    opts("holder"),
  );
  const common = {
    cardholder: holder.id,
    currency: "usd",
    financial_account: acme.financialAccountId,
    spending_controls: { spending_limits: [{ amount: 50_000, interval: "daily" as const }] },
  };
  const virtual = await stripe.issuing.cards.create({ ...common, type: "virtual", status: "active" }, opts("virtual"));
  const physical = await stripe.issuing.cards.create(
    {
      ...common,
      type: "physical",
      shipping: { name: "Chloe Cardholder", address: ADDRESS, service: "standard" },
    },
    opts("physical"),
  );
  const now = new Date();
  await applyCardholder(db, accountId, holder, now);
  await applyCard(db, accountId, virtual, now);
  await applyCard(db, accountId, physical, now);
  await addMembership(db, { businessId: acme.id, userId: user.id, role: "cardholder", cardholderId: holder.id });
  log(
    `demo: ${DEMO_CARDHOLDER.email} carries cards •••• ${virtual.last4} and •••• ${physical.last4} at ${acme.legalName}`,
  );
}
