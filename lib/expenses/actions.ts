import "server-only";
import { getDb } from "@/db";
import { businessSpec } from "@/lib/actions/execute";
import { fail } from "@/lib/errors";
import {
  addCategory,
  addCategorySchema,
  archiveCategory,
  archiveCategorySchema,
  deleteCategory,
  deleteCategorySchema,
  renameCategory,
  renameCategorySchema,
} from "./categories";
import { noteSchema, reviewSchema, setPurchaseNote, setReview } from "./notes";

const CATEGORY_PAGES = () => ["/purchases/categories", "/purchases"];

export const expenseActions = {
  note: businessSpec({
    permission: "expenses.notes",
    schema: noteSchema,
    run: ({ business, input }) => setPurchaseNote(getDb(), business, input),
    audit: (input) => ({
      action: "purchase.noted",
      target: input.purchase,
      data: { category: input.category || null, memo: input.memo.length > 0 },
    }),
    revalidate: (input) => ["/purchases", `/purchases/${input.purchase}`],
    echo: ["memo", "category"],
  }),

  /** A cardholder codes a purchase on their own card (the cardholder comes from their membership). */
  noteOwn: businessSpec({
    permission: "cards.own",
    schema: noteSchema,
    run: ({ actor, business, input }) =>
      actor.cardholderId
        ? setPurchaseNote(getDb(), business, input, { cardholderId: actor.cardholderId })
        : Promise.resolve(fail("not_found", undefined, "That purchase could not be found")),
    audit: (input) => ({
      action: "purchase.noted",
      target: input.purchase,
      data: { category: input.category || null, memo: input.memo.length > 0, by: "cardholder" },
    }),
    revalidate: (input) => [`/my-cards/purchases/${input.purchase}`, `/purchases/${input.purchase}`, "/purchases"],
    echo: ["memo", "category"],
  }),

  review: businessSpec({
    permission: "expenses.review",
    schema: reviewSchema,
    run: ({ actor, business, input }) => setReview(getDb(), business, actor.userId, input),
    audit: (input) => ({
      action: "purchase.reviewed",
      target: input.purchase.length === 1 ? input.purchase[0] : undefined,
      data: { status: input.status, purchases: input.purchase },
    }),
    revalidate: (input) => ["/purchases", ...input.purchase.map((p) => `/purchases/${p}`)],
  }),

  addCategory: businessSpec({
    permission: "expenses.categories",
    schema: addCategorySchema,
    run: ({ business, input }) => addCategory(getDb(), business.id, input),
    audit: (_input, data) => ({ action: "expense_category.added", target: data.id, data: { name: data.name } }),
    revalidate: CATEGORY_PAGES,
    echo: ["name"],
  }),

  renameCategory: businessSpec({
    permission: "expenses.categories",
    schema: renameCategorySchema,
    run: ({ business, input }) => renameCategory(getDb(), business.id, input),
    audit: (_input, data) => ({ action: "expense_category.renamed", target: data.id, data: { name: data.name } }),
    revalidate: CATEGORY_PAGES,
    echo: ["name"],
  }),

  archiveCategory: businessSpec({
    permission: "expenses.categories",
    schema: archiveCategorySchema,
    run: ({ business, input }) => archiveCategory(getDb(), business.id, input),
    audit: (_input, data) => ({
      action: data.archived ? "expense_category.archived" : "expense_category.restored",
      target: data.id,
    }),
    revalidate: CATEGORY_PAGES,
  }),

  deleteCategory: businessSpec({
    permission: "expenses.categories",
    schema: deleteCategorySchema,
    run: ({ business, input }) => deleteCategory(getDb(), business.id, input),
    audit: (_input, data) => ({ action: "expense_category.deleted", target: data.id }),
    revalidate: CATEGORY_PAGES,
  }),
};
