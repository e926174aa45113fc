import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/connect";
import { expenseCategories, type ExpenseCategory } from "@/db/schema";
import { DEFAULT_CATEGORIES } from "@/lib/expenses/default-categories";

/**
 * The business's categories in their order, creating the default set on first use. Two first uses
 * at once both insert it; the unique (business, name) index keeps one of each.
 */
export async function ensureCategories(db: DbOrTx, { businessId }: { businessId: string }): Promise<ExpenseCategory[]> {
  const existing = await listCategories(db, { businessId });
  if (existing.length > 0) return existing;
  await db
    .insert(expenseCategories)
    .values(
      DEFAULT_CATEGORIES.map((c, position) => ({
        businessId,
        name: c.name,
        merchantCategories: [...c.merchantCategories],
        position,
      })),
    )
    .onConflictDoNothing();
  return listCategories(db, { businessId });
}

export async function listCategories(db: DbOrTx, { businessId }: { businessId: string }): Promise<ExpenseCategory[]> {
  return db
    .select()
    .from(expenseCategories)
    .where(eq(expenseCategories.businessId, businessId))
    .orderBy(asc(expenseCategories.position), asc(expenseCategories.name));
}

/** One of the business's categories; another business's looks missing. */
export async function getCategory(
  db: DbOrTx,
  { businessId, categoryId }: { businessId: string; categoryId: string },
): Promise<ExpenseCategory | null> {
  const [row] = await db
    .select()
    .from(expenseCategories)
    .where(and(eq(expenseCategories.businessId, businessId), eq(expenseCategories.id, categoryId)))
    .limit(1);
  return row ?? null;
}

export async function categoryNameTaken(
  db: DbOrTx,
  { businessId, name, except }: { businessId: string; name: string; except?: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: expenseCategories.id })
    .from(expenseCategories)
    .where(
      and(
        eq(expenseCategories.businessId, businessId),
        sql`lower(${expenseCategories.name}) = lower(${name})`,
        except ? sql`${expenseCategories.id} <> ${except}` : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}
