import { and, count, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { rowsFromJson } from "@/db/insert-many";
import { authorizationDecisions, businesses, type AuthorizationDecisionRow } from "@/db/schema";

export type NewDecision = typeof authorizationDecisions.$inferInsert;

/** Logs a batch of decisions; returns the event ids that were new (the others were redeliveries). */
export async function insertDecisions(db: DbOrTx, rows: NewDecision[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const logged = await db
    .insert(authorizationDecisions)
    .select(rowsFromJson(authorizationDecisions, rows))
    .onConflictDoNothing()
    .returning({ eventId: authorizationDecisions.eventId });
  return new Set(logged.map((r) => r.eventId));
}

/** The decisions logged for these request events (a redelivery is answered as the first time). */
export async function decisionsForEvents(db: DbOrTx, eventIds: string[]): Promise<AuthorizationDecisionRow[]> {
  if (eventIds.length === 0) return [];
  return db.select().from(authorizationDecisions).where(inArray(authorizationDecisions.eventId, eventIds));
}

/**
 * Holds these cards until the transaction ends, so two app instances deciding for one card count
 * each other's approvals (transaction-scoped advisory locks, taken in one order: no deadlock).
 */
export async function lockCards(db: DbOrTx, cardIds: string[]): Promise<void> {
  if (cardIds.length === 0) return;
  // unnest yields the sorted array in order, and each row's lock is taken as it is produced.
  const sorted = [...cardIds].sort();
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext(c)) from unnest(array[${sql.join(
      sorted.map((c) => sql`${c}`),
      sql`, `,
    )}]::text[]) as c`,
  );
}

/** Approvals per card since `since`, for all the cards of a batch in one query. */
export async function approvalsByCardSince(
  db: DbOrTx,
  { cardIds, since }: { cardIds: string[]; since: Date },
): Promise<Map<string, number>> {
  if (cardIds.length === 0) return new Map();
  const rows = await db
    .select({ cardId: authorizationDecisions.cardId, n: count() })
    .from(authorizationDecisions)
    .where(
      and(
        inArray(authorizationDecisions.cardId, cardIds),
        eq(authorizationDecisions.approved, true),
        gte(authorizationDecisions.createdAt, since),
      ),
    )
    .groupBy(authorizationDecisions.cardId);
  return new Map(rows.map((r) => [r.cardId, Number(r.n)]));
}

/** Rewrites a logged decision to the fallback that was answered instead (its log write came too late). */
export async function correctDecision(
  db: DbOrTx,
  { eventId }: { eventId: string },
  set: Pick<NewDecision, "approved" | "decidedBy" | "rule" | "reason" | "latencyMs">,
): Promise<void> {
  await db.update(authorizationDecisions).set(set).where(eq(authorizationDecisions.eventId, eventId));
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

/** Our declines of these authorizations, scoped to the account (another account's decisions are never read). */
export async function declinesForAuthorizations(
  db: DbOrTx,
  { accountId, authorizationIds }: { accountId: string; authorizationIds: string[] },
): Promise<AuthorizationDecisionRow[]> {
  if (authorizationIds.length === 0) return [];
  return db
    .select()
    .from(authorizationDecisions)
    .where(
      and(
        eq(authorizationDecisions.accountId, accountId),
        eq(authorizationDecisions.approved, false),
        inArray(authorizationDecisions.authorizationId, authorizationIds),
      ),
    );
}
