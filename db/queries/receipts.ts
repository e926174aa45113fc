import { and, desc, eq, gt, isNull, lt, notExists, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import {
  authorizations,
  cardholders,
  cards,
  receiptFreezes,
  receipts,
  spendPolicies,
  type SpendPolicy,
} from "@/db/schema";

/** One purchase (authorization) of the business's account, with its card and cardholder; null when not the account's. */
export async function getPurchase(db: DbOrTx, { accountId, id }: { accountId: string; id: string }) {
  const [row] = await db
    .select({ a: authorizations, card: cards, holder: cardholders })
    .from(authorizations)
    .leftJoin(cards, eq(cards.id, authorizations.cardId))
    .leftJoin(cardholders, eq(cardholders.id, authorizations.cardholderId))
    .where(and(eq(authorizations.accountId, accountId), eq(authorizations.id, id)))
    .limit(1);
  return row ?? null;
}
export type Purchase = NonNullable<Awaited<ReturnType<typeof getPurchase>>>;

export async function getSpendPolicy(db: DbOrTx, { businessId }: { businessId: string }): Promise<SpendPolicy | null> {
  const [row] = await db.select().from(spendPolicies).where(eq(spendPolicies.businessId, businessId)).limit(1);
  return row ?? null;
}

/** Sets the receipt part of the policy (the other parts are kept). */
export async function saveReceiptPolicy(
  db: DbOrTx,
  p: { businessId: string; receiptRequiredAbove: number | null; freezeAfterDays: number | null; updatedBy: string },
): Promise<void> {
  const set = {
    receiptRequiredAbove: p.receiptRequiredAbove,
    freezeAfterDays: p.freezeAfterDays,
    updatedBy: p.updatedBy,
    updatedAt: new Date(),
  };
  await db
    .insert(spendPolicies)
    .values({ businessId: p.businessId, ...set })
    .onConflictDoUpdate({ target: spendPolicies.businessId, set });
}

export type MissingFilter = {
  businessId: string;
  accountId: string;
  /** Required above this amount (minor units). */
  above: number;
  cardholderId?: string | null;
  /** Only purchases made before this (overdue ones). */
  before?: Date;
};

/** Captured purchases above the policy's amount that have no receipt. */
function missingWhere(f: MissingFilter) {
  const conditions = [
    eq(authorizations.accountId, f.accountId),
    eq(authorizations.status, "closed"),
    eq(authorizations.approved, true),
    gt(authorizations.amount, f.above),
    notExists(sqlReceiptFor(f.businessId)),
  ];
  if (f.cardholderId) conditions.push(eq(authorizations.cardholderId, f.cardholderId));
  if (f.before) conditions.push(lt(authorizations.objectCreatedAt, f.before));
  return and(...conditions);
}

function sqlReceiptFor(businessId: string) {
  return sql`(select 1 from ${receipts} where ${receipts.businessId} = ${businessId} and ${receipts.authorizationId} = ${authorizations.id})`;
}

export async function countMissingReceipts(db: DbOrTx, f: MissingFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(authorizations)
    .where(missingWhere(f));
  return Number(row?.n ?? 0);
}

/** Missing receipts, newest first, paged by offset, with the card and cardholder. */
export function listMissingReceipts(db: DbOrTx, f: MissingFilter & { limit: number; offset: number }) {
  return db
    .select({
      id: authorizations.id,
      at: authorizations.objectCreatedAt,
      amount: authorizations.amount,
      currency: authorizations.currency,
      merchant: authorizations.merchantName,
      cardholderId: authorizations.cardholderId,
      cardholderName: cardholders.name,
      last4: cards.last4,
    })
    .from(authorizations)
    .leftJoin(cards, eq(cards.id, authorizations.cardId))
    .leftJoin(cardholders, eq(cardholders.id, authorizations.cardholderId))
    .where(missingWhere(f))
    .orderBy(desc(authorizations.objectCreatedAt), desc(authorizations.id))
    .limit(f.limit)
    .offset(f.offset);
}

/** The cardholders of the account with a receipt missing since before `before`. */
export async function cardholdersWithOverdueReceipts(
  db: DbOrTx,
  f: MissingFilter & { before: Date },
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ cardholderId: authorizations.cardholderId })
    .from(authorizations)
    .where(missingWhere(f));
  return rows.flatMap((r) => (r.cardholderId ? [r.cardholderId] : []));
}

/** The account's cardholders who hold a card (for the missing list's filter). */
export function accountCardholders(db: DbOrTx, { accountId }: { accountId: string }) {
  return db
    .select({ id: cardholders.id, name: cardholders.name })
    .from(cardholders)
    .where(eq(cardholders.accountId, accountId))
    .orderBy(cardholders.name)
    .limit(500);
}

/** Every business with a freeze policy, with its account. */
export function freezePolicies(db: DbOrTx) {
  return db
    .select({
      businessId: spendPolicies.businessId,
      above: spendPolicies.receiptRequiredAbove,
      days: spendPolicies.freezeAfterDays,
    })
    .from(spendPolicies)
    .where(
      and(sql`${spendPolicies.receiptRequiredAbove} is not null`, sql`${spendPolicies.freezeAfterDays} is not null`),
    );
}

/** The cardholder's active cards (read model). */
export function activeCardsOf(db: DbOrTx, { accountId, cardholderId }: { accountId: string; cardholderId: string }) {
  return db
    .select({ id: cards.id })
    .from(cards)
    .where(and(eq(cards.accountId, accountId), eq(cards.cardholderId, cardholderId), eq(cards.status, "active")));
}

export async function recordReceiptFreeze(
  db: DbOrTx,
  f: { cardId: string; businessId: string; cardholderId: string; at: Date },
): Promise<void> {
  const set = { businessId: f.businessId, cardholderId: f.cardholderId, frozenAt: f.at, releasedAt: null };
  await db
    .insert(receiptFreezes)
    .values({ cardId: f.cardId, ...set })
    .onConflictDoUpdate({ target: receiptFreezes.cardId, set });
}

/** The cards the policy froze for this cardholder and has not released. */
export async function heldReceiptFreezes(
  db: DbOrTx,
  { businessId, cardholderId }: { businessId: string; cardholderId: string },
): Promise<string[]> {
  const rows = await db
    .select({ cardId: receiptFreezes.cardId })
    .from(receiptFreezes)
    .where(
      and(
        eq(receiptFreezes.businessId, businessId),
        eq(receiptFreezes.cardholderId, cardholderId),
        isNull(receiptFreezes.releasedAt),
      ),
    );
  return rows.map((r) => r.cardId);
}

export async function releaseReceiptFreeze(db: DbOrTx, { cardId, at }: { cardId: string; at: Date }): Promise<void> {
  await db.update(receiptFreezes).set({ releasedAt: at }).where(eq(receiptFreezes.cardId, cardId));
}
