import { and, count, desc, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { authorizationDecisions, businesses, type AuthorizationDecisionRow } from "@/db/schema";

export type NewDecision = typeof authorizationDecisions.$inferInsert;

/** Logs a decision unless its event already has one: false for a redelivered request. */
export async function insertDecision(db: DbOrTx, row: NewDecision): Promise<boolean> {
  const [logged] = await db
    .insert(authorizationDecisions)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: authorizationDecisions.id });
  return !!logged;
}

/** The decision logged for this request event, if any. */
export async function decisionForEvent(
  db: DbOrTx,
  { eventId }: { eventId: string },
): Promise<AuthorizationDecisionRow | undefined> {
  const [row] = await db
    .select()
    .from(authorizationDecisions)
    .where(eq(authorizationDecisions.eventId, eventId))
    .limit(1);
  return row;
}

/** How many authorizations of the card we approved since `since` (the velocity rule counts them). */
export async function approvalsSince(db: DbOrTx, { cardId, since }: { cardId: string; since: Date }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(authorizationDecisions)
    .where(
      and(
        eq(authorizationDecisions.cardId, cardId),
        eq(authorizationDecisions.approved, true),
        gte(authorizationDecisions.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}

/** A real-time decision as the rules preview replays it. */
export type PastDecision = {
  id: string;
  businessId: string | null;
  cardId: string;
  amount: number;
  currency: string;
  merchantCategory: string | null;
  merchantCountry: string | null;
  approved: boolean;
  createdAt: Date;
};

/** The newest `limit` real-time decisions, as the rules preview replays them. */
export async function recentDecisions(db: DbOrTx, limit = 1000): Promise<PastDecision[]> {
  return db
    .select({
      id: authorizationDecisions.id,
      businessId: authorizationDecisions.businessId,
      cardId: authorizationDecisions.cardId,
      amount: authorizationDecisions.amount,
      currency: authorizationDecisions.currency,
      merchantCategory: authorizationDecisions.merchantCategory,
      merchantCountry: authorizationDecisions.merchantCountry,
      approved: authorizationDecisions.approved,
      createdAt: authorizationDecisions.createdAt,
    })
    .from(authorizationDecisions)
    .orderBy(desc(authorizationDecisions.createdAt))
    .limit(limit);
}

export type DecisionStats = {
  total: number;
  approved: number;
  latency: { p50: number; p95: number; p99: number };
  topDeclines: Array<{ rule: string; decidedBy: string; n: number }>;
};

/** Approval rate, latency percentiles and the commonest decline reasons of the last `days`. */
export async function decisionStats(db: DbOrTx, days = 30, now = new Date()): Promise<DecisionStats> {
  const window = gte(authorizationDecisions.createdAt, new Date(now.getTime() - days * 24 * 60 * 60 * 1000));
  const [[totals], declines] = await Promise.all([
    db
      .select({
        total: sql<number>`count(*)::int`,
        approved: sql<number>`count(*) filter (where ${authorizationDecisions.approved})::int`,
        p50: sql<number | null>`percentile_cont(0.5) within group (order by ${authorizationDecisions.latencyMs})`,
        p95: sql<number | null>`percentile_cont(0.95) within group (order by ${authorizationDecisions.latencyMs})`,
        p99: sql<number | null>`percentile_cont(0.99) within group (order by ${authorizationDecisions.latencyMs})`,
      })
      .from(authorizationDecisions)
      .where(window),
    db
      .select({
        rule: sql<string>`coalesce(${authorizationDecisions.rule}, ${authorizationDecisions.decidedBy})`,
        decidedBy: authorizationDecisions.decidedBy,
        n: sql<number>`count(*)::int`,
      })
      .from(authorizationDecisions)
      .where(and(window, eq(authorizationDecisions.approved, false)))
      .groupBy(sql`1`, authorizationDecisions.decidedBy)
      .orderBy(sql`3 desc`)
      .limit(5),
  ]);
  const r = (v: number | null | undefined) => Math.round(Number(v ?? 0) * 10) / 10;
  return {
    total: Number(totals?.total ?? 0),
    approved: Number(totals?.approved ?? 0),
    latency: { p50: r(totals?.p50), p95: r(totals?.p95), p99: r(totals?.p99) },
    topDeclines: declines.map((d) => ({ ...d, n: Number(d.n) })),
  };
}

/** The newest decisions with their business's name, for the decision log. */
export async function decisionLog(db: DbOrTx, limit = 50) {
  return db
    .select({ d: authorizationDecisions, business: businesses.legalName })
    .from(authorizationDecisions)
    .leftJoin(businesses, eq(businesses.id, authorizationDecisions.businessId))
    .orderBy(desc(authorizationDecisions.createdAt))
    .limit(limit);
}
