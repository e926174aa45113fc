import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { categoryNameTaken, getCategory } from "@/db/queries/expense-categories";
import { expenseCategories } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";

const name = z.string().trim().min(1, "Enter a name").max(60, "Keep the name to 60 characters");
const categoryId = z.uuid({ error: "Choose a category" });

export const addCategorySchema = z.object({ name });
export const renameCategorySchema = z.object({ category: categoryId, name });
export const archiveCategorySchema = z.object({
  category: categoryId,
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const deleteCategorySchema = z.object({ category: categoryId });

const TAKEN = { name: "You already have a category with that name" };
const MISSING = fail("not_found", undefined, "That category could not be found");

export async function addCategory(
  db: DbOrTx,
  businessId: string,
  input: z.output<typeof addCategorySchema>,
): Promise<ActionResult<{ id: string; name: string }>> {
  if (await categoryNameTaken(db, { businessId, name: input.name })) return fail("validation_failed", TAKEN);
  const [row] = await db
    .insert(expenseCategories)
    .values({
      businessId,
      name: input.name,
      position: sql`(select coalesce(max(position), -1) + 1 from expense_categories where business_id = ${businessId})`,
    })
    .onConflictDoNothing()
    .returning({ id: expenseCategories.id, name: expenseCategories.name });
  return row ? ok(row) : fail("validation_failed", TAKEN);
}

export async function renameCategory(
  db: DbOrTx,
  businessId: string,
  input: z.output<typeof renameCategorySchema>,
): Promise<ActionResult<{ id: string; name: string }>> {
  if (!(await getCategory(db, { businessId, categoryId: input.category }))) return MISSING;
  if (await categoryNameTaken(db, { businessId, name: input.name, except: input.category }))
    return fail("validation_failed", TAKEN);
  await db
    .update(expenseCategories)
    .set({ name: input.name })
    .where(and(eq(expenseCategories.businessId, businessId), eq(expenseCategories.id, input.category)));
  return ok({ id: input.category, name: input.name });
}

/** Archived categories keep their purchases but are no longer offered or suggested. */
export async function archiveCategory(
  db: DbOrTx,
  businessId: string,
  input: z.output<typeof archiveCategorySchema>,
): Promise<ActionResult<{ id: string; archived: boolean }>> {
  const [row] = await db
    .update(expenseCategories)
    .set({ archived: input.archived })
    .where(and(eq(expenseCategories.businessId, businessId), eq(expenseCategories.id, input.category)))
    .returning({ id: expenseCategories.id });
  return row ? ok({ id: row.id, archived: input.archived }) : MISSING;
}

/** Only a category no purchase is filed under can be deleted; a used one is archived instead. */
export async function deleteCategory(
  db: DbOrTx,
  businessId: string,
  input: z.output<typeof deleteCategorySchema>,
): Promise<ActionResult<{ id: string }>> {
  // One statement, so a purchase filed under it meanwhile keeps it.
  const [row] = await db
    .delete(expenseCategories)
    .where(
      and(
        eq(expenseCategories.businessId, businessId),
        eq(expenseCategories.id, input.category),
        sql`not exists (select 1 from purchase_notes where purchase_notes.category_id = ${expenseCategories.id})`,
      ),
    )
    .returning({ id: expenseCategories.id });
  if (row) return ok({ id: row.id });
  if (!(await getCategory(db, { businessId, categoryId: input.category }))) return MISSING;
  return fail("validation_failed", { _form: "Purchases are filed under this category: archive it instead" });
}
