import type Stripe from "stripe";
import type { Business } from "@/db/schema";
import { balanceCurrencyFor } from "@/lib/funding-model";

/** A top-up or payout of the Issuing balance, as the balance page lists it. */
export type BalanceMove = {
  id: string;
  kind: "topup" | "payout";
  amount: number;
  currency: string;
  status: string;
  failure: string | null;
  created: number;
  description: string | null;
};

export type IssuingBalance = {
  currency: string;
  available: number;
  /** Top-ups on their way from the bank. */
  incoming: number;
  /** Payouts on their way to the bank (already out of the balance). */
  outgoing: number;
  moves: BalanceMove[];
};

// `destination_balance` on a top-up is documented by Stripe's Issuing balance guide, not typed by the SDK.
type IssuingTopup = Stripe.Topup & { destination_balance?: string | null };

const IN_FLIGHT_PAYOUT = new Set(["pending", "in_transit"]);

/**
 * The business's Issuing balance, read from Stripe (it moves with every card purchase): what is
 * available, what is on its way in and out, and the latest top-ups and payouts.
 */
export async function readIssuingBalance(stripe: Stripe, business: Business): Promise<IssuingBalance> {
  const currency = balanceCurrencyFor(business.country);
  const opts = { stripeAccount: business.stripeAccountId! };
  const [balance, topups, payouts] = await Promise.all([
    stripe.balance.retrieve({}, opts),
    stripe.topups.list({ limit: 50 }, opts),
    stripe.payouts.list({ limit: 50 }, opts),
  ]);
  const ours = (t: IssuingTopup) => t.destination_balance === "issuing" && t.currency === currency;
  const issuingTopups = (topups.data as IssuingTopup[]).filter(ours);
  const issuingPayouts = payouts.data.filter((p) => p.currency === currency);
  const moves: BalanceMove[] = [
    ...issuingTopups.map((t) => ({
      id: t.id,
      kind: "topup" as const,
      amount: t.amount,
      currency: t.currency,
      status: t.status,
      failure: t.failure_message ?? null,
      created: t.created,
      description: t.description,
    })),
    ...issuingPayouts.map((p) => ({
      id: p.id,
      kind: "payout" as const,
      amount: p.amount,
      currency: p.currency,
      status: p.status,
      failure: p.failure_message ?? null,
      created: p.created,
      description: p.description,
    })),
  ].sort((a, b) => b.created - a.created || b.id.localeCompare(a.id));
  return {
    currency,
    available: balance.issuing?.available.find((a) => a.currency === currency)?.amount ?? 0,
    incoming: issuingTopups.filter((t) => t.status === "pending").reduce((s, t) => s + t.amount, 0),
    outgoing: issuingPayouts.filter((p) => IN_FLIGHT_PAYOUT.has(p.status)).reduce((s, p) => s + p.amount, 0),
    moves,
  };
}
