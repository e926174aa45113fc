import "server-only";
import { getDb } from "@/db";
import { ensureCategories } from "@/db/queries/expense-categories";
import { getPurchaseNote } from "@/db/queries/purchases";
import type { Business } from "@/db/schema";
import type { FormAction } from "@/lib/actions/form-action";
import { suggestCategory } from "@/lib/expenses/default-categories";
import { PurchaseNoteForm } from "./purchase-note-form";

/**
 * A purchase's category and memo on its own page, for whoever may code it: an owner or admin on
 * the business's page, the cardholder on their own purchase. Preselects the category its merchant
 * suggests until one is chosen.
 */
export async function PurchaseNotePanel({
  business,
  purchase,
  action,
}: {
  business: Business;
  purchase: { id: string; merchantName: string | null; merchantCategory: string | null };
  action: FormAction<unknown>;
}) {
  const db = getDb();
  const [categories, note] = await Promise.all([
    ensureCategories(db, { businessId: business.id }),
    getPurchaseNote(db, { businessId: business.id, authorizationId: purchase.id }),
  ]);
  const suggested = suggestCategory(categories, purchase.merchantCategory);
  return (
    <section aria-labelledby="coding" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="coding" className="text-lg font-semibold">
        Category and memo
      </h2>
      <p className="mb-3 text-sm text-slate-600">What the purchase was for, for the books.</p>
      <PurchaseNoteForm
        action={action}
        purchase={purchase.id}
        label={purchase.merchantName ?? "this purchase"}
        categories={categories.filter((c) => !c.archived).map((c) => ({ value: c.id, label: c.name }))}
        category={note?.categoryId ?? suggested?.id ?? ""}
        memo={note?.memo ?? ""}
      />
    </section>
  );
}
