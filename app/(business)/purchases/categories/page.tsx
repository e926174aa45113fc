import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CategoryForm } from "@/components/purchases/category-form";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { ensureCategories } from "@/db/queries/expense-categories";
import { requireBusinessPage } from "@/lib/auth/session";
import { merchantCategory } from "@/lib/rules/merchant-categories";
import { addCategoryAction, archiveCategoryAction, deleteCategoryAction, renameCategoryAction } from "../actions";

export const metadata: Metadata = { title: "Expense categories" };

/** The owner's expense categories: add, rename, archive (a used one can't be deleted). */
export default async function CategoriesPage() {
  const ctx = await requireBusinessPage("expenses.categories");
  if (!ctx) redirect("/onboarding");
  const categories = await ensureCategories(getDb(), { businessId: ctx.business.id });
  return (
    <section className="space-y-6">
      <header>
        <Link href="/purchases" className="text-sm text-brand-600 hover:underline">
          ← Purchases
        </Link>
        <h1 className="text-2xl font-semibold">Expense categories</h1>
        <p className="text-sm text-slate-600">
          Purchases are filed under these. A purchase at a merchant listed under a category has it suggested.
        </p>
      </header>
      <Panel title="Add a category">
        <div className="mt-3">
          <CategoryForm action={addCategoryAction} label="Add a category" name="" submit="Add" pending="Adding…" />
        </div>
      </Panel>
      <Panel title="Your categories" data-testid="expense-categories">
        <ul className="mt-3 divide-y divide-slate-100">
          {categories.map((c) => (
            <li key={c.id} className="space-y-2 py-3" data-testid="expense-category" data-name={c.name}>
              <div className="flex flex-wrap items-baseline gap-2">
                <span className="font-medium">{c.name}</span>
                {c.archived ? <span className="text-xs text-slate-500">Archived</span> : null}
              </div>
              {c.merchantCategories.length > 0 ? (
                <p className="text-xs text-slate-500">
                  Suggested for: {c.merchantCategories.map((m) => merchantCategory(m)?.name ?? m).join(", ")}
                </p>
              ) : null}
              <div className="flex flex-wrap items-end gap-4">
                <CategoryForm
                  action={renameCategoryAction}
                  label={`Rename ${c.name}`}
                  hidden={{ category: c.id }}
                  name={c.name}
                  submit="Rename"
                  pending="Saving…"
                />
                <CategoryForm
                  action={archiveCategoryAction}
                  label={`${c.archived ? "Restore" : "Archive"} ${c.name}`}
                  hidden={{ category: c.id, archived: c.archived ? "false" : "true" }}
                  submit={c.archived ? "Restore" : "Archive"}
                  pending="Saving…"
                />
                <CategoryForm
                  action={deleteCategoryAction}
                  label={`Delete ${c.name}`}
                  hidden={{ category: c.id }}
                  submit="Delete"
                  pending="Deleting…"
                />
              </div>
            </li>
          ))}
        </ul>
      </Panel>
    </section>
  );
}
