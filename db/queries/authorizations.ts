import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { authorizationDecisions, authorizations } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

export type AuthorizationRow = typeof authorizations.$inferSelect;

/** The business's newest card authorizations, from the read model. */
export function recentAuthorizations(
  db: DbOrTx,
  { accountId, limit }: { accountId: string; limit: number },
): Promise<AuthorizationRow[]> {
  return db
    .select()
    .from(authorizations)
    .where(eq(authorizations.accountId, accountId))
    .orderBy(desc(authorizations.objectCreatedAt))
    .limit(limit);
}

/** A card's authorizations, newest first, each with our decision about it when we made one; paged by `before`. */
export function cardAuthorizationRows(
  db: DbOrTx,
  { accountId, cardId, limit, before }: { accountId: string; cardId: string; limit: number; before?: Date },
) {
  const conditions = [eq(authorizations.accountId, accountId), eq(authorizations.cardId, cardId)];
  if (before) conditions.push(lt(authorizations.objectCreatedAt, before));
  return db
    .select({ a: authorizations, d: authorizationDecisions })
    .from(authorizations)
    .leftJoin(authorizationDecisions, eq(authorizationDecisions.authorizationId, authorizations.id))
    .where(and(...conditions))
    .orderBy(desc(authorizations.objectCreatedAt))
    .limit(limit);
}

/** What a card has spent since `since` (approved authorizations), optionally only in some merchant categories. */
export async function cardSpendSince(
  db: DbOrTx,
  {
    accountId,
    cardId,
    since,
    categories,
  }: { accountId: string; cardId: string; since: Date; categories?: string[] | null },
): Promise<number> {
  const conditions = [
    eq(authorizations.accountId, accountId),
    eq(authorizations.cardId, cardId),
    eq(authorizations.approved, true),
    gte(authorizations.objectCreatedAt, since),
  ];
  if (categories?.length) conditions.push(sql`${authorizations.merchantCategory} in ${categories}`);
  const [row] = await db
    .select({ spent: sql<number>`coalesce(sum(greatest(${authorizations.amount}, 0)), 0)::bigint` })
    .from(authorizations)
    .where(and(...conditions));
  return Number(row?.spent ?? 0);
}

/** Declined authorizations of the account since `since`. */
export async function countDeclinedSince(
  db: DbOrTx,
  { accountId, since }: { accountId: string; since: Date },
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(authorizations)
    .where(
      and(
        eq(authorizations.accountId, accountId),
        eq(authorizations.approved, false),
        gte(authorizations.objectCreatedAt, since),
      ),
    );
  return row?.n ?? 0;
}

const STATUS_RANK: Record<string, number> = { pending: 0, closed: 1, expired: 1, reversed: 1 };

/** Stores the authorization's newest state; a finished one never goes back to pending. */
export async function upsertAuthorization(db: DbOrTx, row: typeof authorizations.$inferInsert): Promise<void> {
  // Within one second events can't be ordered by time, so the status decides too.
  const rank = STATUS_RANK[row.status] ?? 0;
  await upsertNewer(
    db,
    authorizations,
    row,
    sql`(case ${authorizations.status} when 'pending' then 0 else 1 end) <= ${rank}`,
  );
}
