import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import {
  auditLog,
  authorizationDecisions,
  authorizationRules,
  authorizations,
  cardholders,
  cards,
  connectedAccounts,
  disputes,
  financialAccounts,
  issuingTransactions,
  memberships,
  moneyTransactions,
  operations,
  payouts,
  users,
} from "@/db/schema";
import { getBusiness } from "./businesses";

/** How many rows of each list the review page shows (newest first). */
export const REVIEW_LIMIT = 25;

/**
 * Everything the account review page shows about one business, from the app's own tables.
 * Returns null for an unknown id (the page then 404s).
 */
export async function getAccountReview(db: DbOrTx, businessId: string) {
  const business = await getBusiness(db, { businessId });
  if (!business) return null;
  const acct = business.stripeAccountId ?? "";
  const [
    account,
    fas,
    holders,
    cardRows,
    auths,
    txns,
    money,
    disputeRows,
    payoutRows,
    members,
    audit,
    rules,
    fundings,
    recentDecisions,
  ] = await Promise.all([
    db.select().from(connectedAccounts).where(eq(connectedAccounts.id, acct)).limit(1),
    db.select().from(financialAccounts).where(eq(financialAccounts.accountId, acct)),
    db
      .select()
      .from(cardholders)
      .where(eq(cardholders.accountId, acct))
      .orderBy(desc(cardholders.objectCreatedAt))
      .limit(REVIEW_LIMIT),
    db.select().from(cards).where(eq(cards.accountId, acct)).orderBy(desc(cards.objectCreatedAt)).limit(REVIEW_LIMIT),
    db
      .select()
      .from(authorizations)
      .where(eq(authorizations.accountId, acct))
      .orderBy(desc(authorizations.objectCreatedAt))
      .limit(REVIEW_LIMIT),
    db
      .select()
      .from(issuingTransactions)
      .where(eq(issuingTransactions.accountId, acct))
      .orderBy(desc(issuingTransactions.objectCreatedAt))
      .limit(REVIEW_LIMIT),
    db
      .select()
      .from(moneyTransactions)
      .where(eq(moneyTransactions.accountId, acct))
      .orderBy(desc(moneyTransactions.objectCreatedAt))
      .limit(REVIEW_LIMIT),
    db
      .select()
      .from(disputes)
      .where(eq(disputes.accountId, acct))
      .orderBy(desc(disputes.objectCreatedAt))
      .limit(REVIEW_LIMIT),
    db
      .select()
      .from(payouts)
      .where(eq(payouts.accountId, acct))
      .orderBy(desc(payouts.objectCreatedAt))
      .limit(REVIEW_LIMIT),
    db
      .select({
        id: memberships.id,
        role: memberships.role,
        name: users.name,
        email: users.email,
        since: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.businessId, businessId))
      .orderBy(memberships.createdAt),
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        target: auditLog.target,
        data: auditLog.data,
        at: auditLog.createdAt,
        actor: users.email,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(eq(auditLog.businessId, businessId))
      .orderBy(desc(auditLog.createdAt))
      .limit(REVIEW_LIMIT),
    db.select().from(authorizationRules).where(eq(authorizationRules.businessId, businessId)).limit(1),
    db
      .select()
      .from(operations)
      .where(and(eq(operations.businessId, businessId), eq(operations.kind, "platform_funding")))
      .orderBy(desc(operations.createdAt))
      .limit(REVIEW_LIMIT),
    // Logged by the real-time endpoint as it answers, so they show even before Stripe's events arrive.
    db
      .select()
      .from(authorizationDecisions)
      .where(eq(authorizationDecisions.businessId, businessId))
      .orderBy(desc(authorizationDecisions.createdAt))
      .limit(REVIEW_LIMIT),
  ]);
  // Decisions are logged per authorization by the real-time endpoint: show each one's rule and reason.
  const decisions = auths.length
    ? await db
        .select()
        .from(authorizationDecisions)
        .where(
          inArray(
            authorizationDecisions.authorizationId,
            auths.map((a) => a.id),
          ),
        )
        .orderBy(desc(authorizationDecisions.createdAt))
    : [];
  const decisionFor = new Map<string, (typeof decisions)[number]>();
  for (const d of decisions) if (!decisionFor.has(d.authorizationId)) decisionFor.set(d.authorizationId, d);
  return {
    business,
    account: account[0] ?? null,
    financialAccounts: fas,
    cardholders: holders,
    cards: cardRows,
    authorizations: auths.map((a) => ({ ...a, decision: decisionFor.get(a.id) ?? null })),
    transactions: txns,
    moneyTransactions: money,
    disputes: disputeRows,
    payouts: payoutRows,
    members,
    audit,
    paused: rules[0]?.killSwitch ?? false,
    fundings,
    decisions: recentDecisions,
  };
}

export type AccountReview = NonNullable<Awaited<ReturnType<typeof getAccountReview>>>;
