import { and, count, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { cardholders, cardRequests, cards, users, type CardRequest } from "@/db/schema";

export type NewCardRequest = typeof cardRequests.$inferInsert;
export type CardRequestRow = CardRequest & {
  requesterEmail: string;
  cardholderName: string | null;
  last4: string | null;
};

export async function insertCardRequest(db: DbOrTx, row: NewCardRequest): Promise<CardRequest> {
  const [inserted] = await db.insert(cardRequests).values(row).returning();
  return inserted!;
}

/** One of the business's requests; another business's id looks missing. */
export async function getCardRequest(
  db: DbOrTx,
  { businessId, id }: { businessId: string; id: string },
): Promise<CardRequest | undefined> {
  const [row] = await db
    .select()
    .from(cardRequests)
    .where(and(eq(cardRequests.businessId, businessId), eq(cardRequests.id, id)));
  return row;
}

// An approval's Stripe call takes seconds; a claim older than this was left by a server that
// stopped mid-approval, and no longer keeps the requester from canceling.
export const APPROVAL_CLAIM_MS = 5 * 60 * 1000;

/** Not being approved right now (no claim, or one left behind long ago). */
const unclaimed = () =>
  or(isNull(cardRequests.approvingSince), lt(cardRequests.approvingSince, new Date(Date.now() - APPROVAL_CLAIM_MS)));

/**
 * Marks a pending request as being approved, before the Stripe call: a cancel or a decline then
 * waits for the outcome. Answers null when it was no longer pending. Another approver may claim
 * it too: both replay one Stripe call (the request's id is its operation's token).
 */
export async function claimCardRequest(
  db: DbOrTx,
  { businessId, id }: { businessId: string; id: string },
): Promise<CardRequest | null> {
  const [row] = await db
    .update(cardRequests)
    .set({ approvingSince: new Date() })
    .where(and(eq(cardRequests.businessId, businessId), eq(cardRequests.id, id), eq(cardRequests.status, "pending")))
    .returning();
  return row ?? null;
}

/** The approval failed before anything was made: the request is pending and free again. */
export async function releaseCardRequest(
  db: DbOrTx,
  { businessId, id }: { businessId: string; id: string },
): Promise<void> {
  await db
    .update(cardRequests)
    .set({ approvingSince: null })
    .where(and(eq(cardRequests.businessId, businessId), eq(cardRequests.id, id), eq(cardRequests.status, "pending")));
}

/**
 * Moves a pending request to its decision; answers null when it was no longer pending (decided
 * meanwhile), or, for a decline, while an approval is under way.
 */
export async function decideCardRequest(
  db: DbOrTx,
  {
    businessId,
    id,
    ...set
  }: {
    businessId: string;
    id: string;
    status: "approved" | "declined";
    decidedBy: string;
    cardId?: string | null;
    declineReason?: string | null;
  },
): Promise<CardRequest | null> {
  const [row] = await db
    .update(cardRequests)
    .set({ ...set, approvingSince: null, decidedAt: new Date() })
    .where(
      and(
        eq(cardRequests.businessId, businessId),
        eq(cardRequests.id, id),
        eq(cardRequests.status, "pending"),
        set.status === "declined" ? unclaimed() : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

/** The requester withdraws a pending request; null when it was decided or is being approved. */
export async function cancelPendingCardRequest(
  db: DbOrTx,
  { businessId, id, requestedBy }: { businessId: string; id: string; requestedBy: string },
): Promise<CardRequest | null> {
  const [row] = await db
    .update(cardRequests)
    .set({ status: "canceled", decidedAt: new Date() })
    .where(
      and(
        eq(cardRequests.businessId, businessId),
        eq(cardRequests.id, id),
        eq(cardRequests.requestedBy, requestedBy),
        eq(cardRequests.status, "pending"),
        unclaimed(),
      ),
    )
    .returning();
  return row ?? null;
}

/** Whether a request is being approved right now (an approval's Stripe call is under way). */
export const beingApproved = (r: CardRequest, now = Date.now()) =>
  r.status === "pending" && !!r.approvingSince && now - r.approvingSince.getTime() < APPROVAL_CLAIM_MS;

/** The business's requests (or one requester's), pending ones first, then newest first. */
export async function listCardRequests(
  db: DbOrTx,
  {
    businessId,
    accountId,
    requestedBy,
    status,
    limit = 50,
  }: {
    businessId: string;
    accountId: string | null;
    requestedBy?: string;
    status?: CardRequest["status"];
    limit?: number;
  },
): Promise<CardRequestRow[]> {
  const rows = await db
    .select({
      request: cardRequests,
      requesterEmail: users.email,
      cardholderName: cardholders.name,
      last4: cards.last4,
    })
    .from(cardRequests)
    .innerJoin(users, eq(users.id, cardRequests.requestedBy))
    .leftJoin(
      cardholders,
      and(eq(cardholders.id, cardRequests.cardholderId), eq(cardholders.accountId, accountId ?? "")),
    )
    .leftJoin(cards, and(eq(cards.id, cardRequests.cardId), eq(cards.accountId, accountId ?? "")))
    .where(
      and(
        eq(cardRequests.businessId, businessId),
        requestedBy ? eq(cardRequests.requestedBy, requestedBy) : undefined,
        status ? eq(cardRequests.status, status) : undefined,
      ),
    )
    .orderBy(desc(cardRequests.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    ...r.request,
    requesterEmail: r.requesterEmail,
    cardholderName: r.cardholderName,
    last4: r.last4,
  }));
}

export async function countPendingCardRequests(db: DbOrTx, { businessId }: { businessId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(cardRequests)
    .where(and(eq(cardRequests.businessId, businessId), eq(cardRequests.status, "pending")));
  return Number(row?.n ?? 0);
}

/** Whether the Issuing cardholder is on this account (a member names one; the form's id is never trusted). */
export async function cardholderOnAccount(
  db: DbOrTx,
  { accountId, cardholderId }: { accountId: string; cardholderId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: cardholders.id })
    .from(cardholders)
    .where(and(eq(cardholders.accountId, accountId), eq(cardholders.id, cardholderId)));
  return !!row;
}

/** The card, if it is on the account and carried by this cardholder. */
export async function cardOfHolder(
  db: DbOrTx,
  { accountId, cardholderId, cardId }: { accountId: string; cardholderId: string; cardId: string },
) {
  const [row] = await db
    .select()
    .from(cards)
    .where(and(eq(cards.accountId, accountId), eq(cards.cardholderId, cardholderId), eq(cards.id, cardId)));
  return row;
}
