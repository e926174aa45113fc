"use server";

import { businessAction } from "@/lib/actions/safe-action";
import { expenseActions } from "@/lib/expenses/actions";

export const notePurchaseAction = businessAction(expenseActions.note);
export const reviewPurchaseAction = businessAction(expenseActions.review);
export const addCategoryAction = businessAction(expenseActions.addCategory);
export const renameCategoryAction = businessAction(expenseActions.renameCategory);
export const archiveCategoryAction = businessAction(expenseActions.archiveCategory);
export const deleteCategoryAction = businessAction(expenseActions.deleteCategory);
