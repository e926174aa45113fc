import { and, desc, eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { cardholders, cards } from "@/db/schema";
import { upsertNewer } from "@/db/upsert";

/** The business's cards from the read model (never another account's: the filter is the account). */
export async function listCards(db: DbOrTx, { accountId, limit = 50 }: { accountId: string; limit?: number }) {
  return db
    .select({ card: cards, holder: cardholders.name })
    .from(cards)
    .leftJoin(cardholders, eq(cardholders.id, cards.cardholderId))
    .where(eq(cards.accountId, accountId))
    .orderBy(desc(cards.objectCreatedAt))
    .limit(limit);
}

export async function upsertCard(db: DbOrTx, row: typeof cards.$inferInsert): Promise<void> {
  await upsertNewer(db, cards, row);
}

/** One cardholder's cards on the business's account, newest first (the account and the cardholder both filter). */
export async function listCardholderCards(
  db: DbOrTx,
  { accountId, cardholderId, limit = 50 }: { accountId: string; cardholderId: string; limit?: number },
) {
  return db
    .select()
    .from(cards)
    .where(and(eq(cards.accountId, accountId), eq(cards.cardholderId, cardholderId)))
    .orderBy(desc(cards.objectCreatedAt))
    .limit(limit);
}

export type CardLink = { id: string; last4: string };

/** The card this one replaced and the card that replaced it, if any, both of the same account. */
export async function cardReplacementLinks(
  db: DbOrTx,
  { accountId, cardId }: { accountId: string; cardId: string },
): Promise<{ replacementFor: CardLink | null; replacedBy: CardLink | null }> {
  const [self] = await db
    .select({ replacementFor: cards.replacementFor })
    .from(cards)
    .where(and(eq(cards.accountId, accountId), eq(cards.id, cardId)))
    .limit(1);
  const rows = await db
    .select({ id: cards.id, last4: cards.last4, replacementFor: cards.replacementFor })
    .from(cards)
    .where(
      and(
        eq(cards.accountId, accountId),
        self?.replacementFor
          ? or(eq(cards.replacementFor, cardId), eq(cards.id, self.replacementFor))
          : eq(cards.replacementFor, cardId),
      ),
    )
    .orderBy(desc(cards.objectCreatedAt));
  const by = rows.find((r) => r.replacementFor === cardId);
  const of = rows.find((r) => r.id === self?.replacementFor);
  return {
    replacementFor: of ? { id: of.id, last4: of.last4 } : null,
    replacedBy: by ? { id: by.id, last4: by.last4 } : null,
  };
}
