import { and, asc, desc, eq, exists, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import {
  authorizations,
  cardholders,
  cards,
  expenseCategories,
  issuingTransactions,
  purchaseNotes,
  receipts,
  type ExpenseCategory,
} from "@/db/schema";
import type { PurchaseCursor, PurchaseFilter } from "@/lib/expenses/filters";

const DAY_MS = 86_400_000;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type PurchaseRow = {
  id: string;
  createdAt: Date;
  merchantName: string | null;
  merchantCategory: string | null;
  amount: number;
  currency: string;
  status: string;
  approved: boolean;
  cardId: string;
  last4: string | null;
  cardholderId: string | null;
  cardholderName: string | null;
  categoryId: string | null;
  memo: string | null;
  reviewStatus: "to_review" | "approved" | "flagged";
  hasReceipt: boolean;
};

/**
 * The business's purchases (card authorizations) newest first, a page at a time, with what the
 * business noted about each. A category filter matches the category set on a purchase, or, where
 * none is set, the one its merchant category suggests.
 */
export async function listPurchases(
  db: DbOrTx,
  {
    businessId,
    accountId,
    filter,
    categories,
    limit = 25,
  }: {
    businessId: string;
    accountId: string;
    filter: PurchaseFilter;
    categories: readonly ExpenseCategory[];
    limit?: number;
  },
): Promise<{ rows: PurchaseRow[]; hasMore: boolean; next: PurchaseCursor | null }> {
  const a = authorizations;
  const n = purchaseNotes;
  const before = filter.before;
  const category = filter.category ? categories.find((c) => c.id === filter.category) : undefined;
  const rows = await db
    .select({
      id: a.id,
      createdAt: a.objectCreatedAt,
      merchantName: a.merchantName,
      merchantCategory: a.merchantCategory,
      amount: a.amount,
      currency: a.currency,
      status: a.status,
      approved: a.approved,
      cardId: a.cardId,
      last4: cards.last4,
      cardholderId: sql<string | null>`coalesce(${a.cardholderId}, ${cards.cardholderId})`,
      cardholderName: cardholders.name,
      categoryId: n.categoryId,
      memo: n.memo,
      reviewStatus: sql<PurchaseRow["reviewStatus"]>`coalesce(${n.reviewStatus}, 'to_review')`,
      hasReceipt: exists(
        db
          .select({ one: sql`1` })
          .from(receipts)
          .where(and(eq(receipts.businessId, businessId), eq(receipts.authorizationId, a.id))),
      ).mapWith(Boolean),
    })
    .from(a)
    .leftJoin(cards, eq(cards.id, a.cardId))
    .leftJoin(cardholders, eq(cardholders.id, sql`coalesce(${a.cardholderId}, ${cards.cardholderId})`))
    .leftJoin(n, and(eq(n.businessId, businessId), eq(n.authorizationId, a.id)))
    .where(
      and(
        eq(a.accountId, accountId),
        filter.category === "none" ? sql`${n.categoryId} is null` : undefined,
        filter.category && filter.category !== "none"
          ? category && category.merchantCategories.length > 0
            ? or(
                eq(n.categoryId, filter.category),
                and(sql`${n.categoryId} is null`, inArray(a.merchantCategory, category.merchantCategories)),
              )
            : eq(n.categoryId, filter.category)
          : undefined,
        filter.review ? sql`coalesce(${n.reviewStatus}, 'to_review') = ${filter.review}` : undefined,
        filter.q ? sql`${n.memo} ilike ${`%${likeEscape(filter.q)}%`}` : undefined,
        filter.cardholder ? sql`coalesce(${a.cardholderId}, ${cards.cardholderId}) = ${filter.cardholder}` : undefined,
        filter.from ? gte(a.objectCreatedAt, new Date(`${filter.from}T00:00:00Z`)) : undefined,
        filter.to ? lt(a.objectCreatedAt, new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS)) : undefined,
        before
          ? or(
              lt(a.objectCreatedAt, before.createdAt),
              and(eq(a.objectCreatedAt, before.createdAt), lt(a.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(a.objectCreatedAt), desc(a.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => ({ ...r, amount: Number(r.amount) }));
  const last = page.at(-1);
  return {
    rows: page,
    hasMore: rows.length > limit,
    next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/** The cardholders of the account, for the filter. */
export function accountCardholders(db: DbOrTx, { accountId }: { accountId: string }) {
  return db
    .select({ id: cardholders.id, name: cardholders.name })
    .from(cardholders)
    .where(eq(cardholders.accountId, accountId))
    .orderBy(cardholders.name, cardholders.id);
}

export type ExportRow = {
  id: string;
  type: string;
  authorizationId: string | null;
  createdAt: Date;
  amount: number;
  currency: string;
  merchantName: string | null;
  last4: string | null;
  cardholderName: string | null;
  category: string | null;
  memo: string | null;
};

/**
 * Captures and refunds of the account in [start, end), oldest first and ties by id, so the same
 * period gives the same rows in the same order. Each carries the note of the purchase it belongs to.
 */
export async function exportTransactions(
  db: DbOrTx,
  { businessId, accountId, start, end }: { businessId: string; accountId: string; start: Date; end: Date },
): Promise<ExportRow[]> {
  const t = issuingTransactions;
  const rows = await db
    .select({
      id: t.id,
      type: t.type,
      authorizationId: t.authorizationId,
      createdAt: t.objectCreatedAt,
      amount: t.amount,
      currency: t.currency,
      merchantName: t.merchantName,
      last4: cards.last4,
      cardholderName: cardholders.name,
      category: expenseCategories.name,
      memo: purchaseNotes.memo,
    })
    .from(t)
    .leftJoin(cards, eq(cards.id, t.cardId))
    .leftJoin(cardholders, eq(cardholders.id, cards.cardholderId))
    .leftJoin(
      purchaseNotes,
      and(eq(purchaseNotes.businessId, businessId), eq(purchaseNotes.authorizationId, t.authorizationId)),
    )
    .leftJoin(
      expenseCategories,
      and(eq(expenseCategories.businessId, businessId), eq(expenseCategories.id, purchaseNotes.categoryId)),
    )
    .where(
      and(
        eq(t.accountId, accountId),
        sql`${t.type} in ('capture', 'refund')`,
        gte(t.objectCreatedAt, start),
        lt(t.objectCreatedAt, end),
      ),
    )
    .orderBy(asc(t.objectCreatedAt), asc(t.id));
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** The business's category and memo for one purchase, if any were set. */
export async function getPurchaseNote(
  db: DbOrTx,
  { businessId, authorizationId }: { businessId: string; authorizationId: string },
): Promise<{ categoryId: string | null; memo: string | null } | null> {
  const [row] = await db
    .select({ categoryId: purchaseNotes.categoryId, memo: purchaseNotes.memo })
    .from(purchaseNotes)
    .where(and(eq(purchaseNotes.businessId, businessId), eq(purchaseNotes.authorizationId, authorizationId)))
    .limit(1);
  return row ?? null;
}
