import type Stripe from "stripe";

/**
 * Money on a US Issuing balance (the platform's, or a connected account's), as a test needs it:
 * a top-up (`destination_balance=issuing`), which is pending on Stripe until the bank settles it,
 * settled at once through the sandbox's control. The sandbox is the server `stripe` talks to.
 */
export async function settledTopup(
  stripe: Stripe,
  { amount, currency = "usd", stripeAccount }: { amount: number; currency?: string; stripeAccount?: string },
): Promise<Stripe.Topup> {
  const params = { amount, currency, destination_balance: "issuing" } as Stripe.TopupCreateParams;
  const topup = await stripe.topups.create(params, stripeAccount ? { stripeAccount } : {});
  if (topup.status !== "pending") return topup;
  const base = `${stripe.getApiField("protocol")}://${stripe.getApiField("host")}:${stripe.getApiField("port")}`;
  const res = await fetch(`${base}/_sandbox/topups/${topup.id}/succeed`, { method: "POST" });
  if (!res.ok) throw new Error(`the sandbox could not settle top-up ${topup.id}: ${res.status}`);
  return (await res.json()) as Stripe.Topup;
}
