import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { countDeclinedSince, recentAuthorizations } from "@/db/queries/authorizations";
import { countDisputesAwaitingEvidence } from "@/db/queries/disputes";
import { cardMoneyByDay } from "@/db/queries/issuing-transactions";
import { moneyInOutByDay, recentMoneyTransactions } from "@/db/queries/money-transactions";
import type { Business } from "@/db/schema";
import { explainDeclines } from "@/lib/cards/authorizations";
import type { DeclineExplanation } from "@/lib/cards/declines";
import { readIssuingBalance } from "@/lib/issuing-balance/balance";
import { v2Request } from "@/lib/stripe/v2";

export type Balances = { currency: string; available: number; incoming: number; outgoing: number };

/** Balances read from Stripe: they move with every card swipe, so the read model may lag. */
export async function readBalances(stripe: Stripe, business: Business): Promise<Balances | null> {
  if (business.fundingModel === "issuing_balance" && business.stripeAccountId) {
    const { currency, available, incoming, outgoing } = await readIssuingBalance(stripe, business);
    return { currency, available, incoming, outgoing };
  }
  if (!business.stripeAccountId || !business.financialAccountId) return null;
  if (business.fundingModel === "stablecoin") {
    const fa = await v2Request(
      stripe,
      "GET",
      `/v2/money_management/financial_accounts/${business.financialAccountId}`,
      undefined,
      { account: business.stripeAccountId },
    );
    const pick = (bucket: string) => Number(fa.balance?.[bucket]?.usdc?.value ?? 0);
    return {
      currency: "usdc",
      available: pick("available"),
      incoming: pick("inbound_pending"),
      outgoing: pick("outbound_pending"),
    };
  }
  const fa = await stripe.treasury.financialAccounts.retrieve(
    business.financialAccountId,
    {},
    { stripeAccount: business.stripeAccountId },
  );
  return {
    currency: "usd",
    available: fa.balance.cash.usd ?? 0,
    incoming: fa.balance.inbound_pending.usd ?? 0,
    outgoing: fa.balance.outbound_pending.usd ?? 0,
  };
}

export type DayFlow = { day: string; moneyIn: number; moneyOut: number };

/**
 * Money in and out per UTC day over the last `days` days, from the ledger lines: a financial
 * account's, or on the Issuing balance its top-ups and payouts plus the card captures and refunds.
 */
export async function moneyFlow(
  db: DbOrTx,
  accountId: string,
  { now = new Date(), days = 30, cardLines = false }: { now?: Date; days?: number; cardLines?: boolean } = {},
): Promise<DayFlow[]> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  const lines = [
    ...(await moneyInOutByDay(db, { accountId, since: start })),
    ...(cardLines ? await cardMoneyByDay(db, { accountId, since: start }) : []),
  ];
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const ofDay = lines.filter((l) => l.day === d);
    return {
      day: d,
      moneyIn: ofDay.reduce((s, l) => s + l.moneyIn, 0),
      moneyOut: ofDay.reduce((s, l) => s + l.moneyOut, 0),
    };
  });
}

export type Activity = {
  id: string;
  at: Date;
  kind: "money" | "card";
  description: string;
  amount: number;
  currency: string;
  status: string;
  /** A declined purchase's reason and what to do next, in words. */
  why?: DeclineExplanation | null;
};

export async function recentActivity(db: DbOrTx, accountId: string, limit = 10): Promise<Activity[]> {
  const [money, auths] = await Promise.all([
    recentMoneyTransactions(db, { accountId, limit }),
    recentAuthorizations(db, { accountId, limit }),
  ]);
  const declines = await explainDeclines(db, accountId, auths);
  const items: Activity[] = [
    ...money.map((m) => ({
      id: m.id,
      at: m.objectCreatedAt,
      kind: "money" as const,
      description: m.description || m.flowType.replace(/_/g, " "),
      amount: m.amount,
      currency: m.currency,
      status: m.status,
    })),
    ...auths.map((a) => ({
      id: a.id,
      at: a.objectCreatedAt,
      kind: "card" as const,
      description: `${a.merchantName ?? "Card purchase"}${a.approved ? "" : " (declined)"}`,
      amount: -(a.amount || a.merchantAmount),
      currency: a.currency,
      status: a.approved ? a.status : "declined",
      why: declines.get(a.id) ?? null,
    })),
  ];
  return items.sort((x, y) => y.at.getTime() - x.at.getTime()).slice(0, limit);
}

export type Attention = { declinedLast7Days: number; disputesAwaitingEvidence: number };

export async function attentionCounts(db: DbOrTx, accountId: string, now = new Date()): Promise<Attention> {
  const since = new Date(now.getTime() - 7 * 86_400_000);
  const [declinedLast7Days, disputesAwaitingEvidence] = await Promise.all([
    countDeclinedSince(db, { accountId, since }),
    countDisputesAwaitingEvidence(db, { accountId }),
  ]);
  return { declinedLast7Days, disputesAwaitingEvidence };
}
