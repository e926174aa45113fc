import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { countDeclinedSince, recentAuthorizations } from "@/db/queries/authorizations";
import { countDisputesAwaitingEvidence } from "@/db/queries/disputes";
import { moneyInOutByDay, recentMoneyTransactions } from "@/db/queries/money-transactions";
import type { Business } from "@/db/schema";
import { v2Request } from "@/lib/stripe/v2";

export type Balances = { currency: string; available: number; incoming: number; outgoing: number };

/** Balances read from Stripe: they move with every card swipe, so the read model may lag. */
export async function readBalances(stripe: Stripe, business: Business): Promise<Balances | null> {
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

/** Money in and out per UTC day over the last `days` days, from the financial account's ledger lines. */
export async function moneyFlow(db: DbOrTx, accountId: string, now = new Date(), days = 30): Promise<DayFlow[]> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  const byDay = new Map((await moneyInOutByDay(db, { accountId, since: start })).map((r) => [r.day, r]));
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const r = byDay.get(d);
    return { day: d, moneyIn: r?.moneyIn ?? 0, moneyOut: r?.moneyOut ?? 0 };
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
};

export async function recentActivity(db: DbOrTx, accountId: string, limit = 10): Promise<Activity[]> {
  const [money, auths] = await Promise.all([
    recentMoneyTransactions(db, { accountId, limit }),
    recentAuthorizations(db, { accountId, limit }),
  ]);
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
