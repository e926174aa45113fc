import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BulkApprove } from "@/components/purchases/bulk-approve";
import { ExportForm } from "@/components/purchases/export-form";
import { PurchasesTable } from "@/components/purchases/purchases-table";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Panel } from "@/components/ui/panel";
import { SelectField } from "@/components/ui/select-field";
import { getDb } from "@/db";
import { ensureCategories } from "@/db/queries/expense-categories";
import { accountCardholders, listPurchases } from "@/db/queries/purchases";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { currentMonthSoFar, validateExportRange } from "@/lib/expenses/export-range";
import { cursorText, filterQuery, purchaseFilterSchema, REVIEW_LABELS, REVIEW_STATUSES } from "@/lib/expenses/filters";
import { notePurchaseAction, reviewPurchaseAction } from "../actions";

export const metadata: Metadata = { title: "Purchases" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/**
 * Every card purchase of the business, newest first: its category (or the one its merchant suggests),
 * memo, review and receipt; owners and admins edit them in the row and export a period for accounting.
 */
export default async function PurchasesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const ctx = await requireBusinessPage("cards.view");
  if (!ctx) redirect("/onboarding");
  const params = await searchParams;
  const filter = purchaseFilterSchema.parse(params);
  const db = getDb();
  const accountId = ctx.business.stripeAccountId;
  const categories = await ensureCategories(db, { businessId: ctx.business.id });
  const [page, holders] = accountId
    ? await Promise.all([
        listPurchases(db, { businessId: ctx.business.id, accountId, filter, categories }),
        accountCardholders(db, { accountId }),
      ])
    : [{ rows: [], hasMore: false, next: null }, []];
  const filtered = Boolean(
    filter.category || filter.review || filter.q || filter.cardholder || filter.from || filter.to,
  );
  const canExport = can(ctx.role, "expenses.export");
  // A refused export comes back here with what was sent; the same check names the fields to fix.
  const sent = {
    format: one(params.export_format) || "quickbooks",
    from: one(params.export_from),
    to: one(params.export_to),
    month: one(params.export_month),
  };
  const now = new Date();
  const checked = params.export ? validateExportRange(sent, now) : null;
  const defaults = currentMonthSoFar(now);
  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">Purchases</h1>
          <p className="text-sm text-slate-600">Every card purchase, with its category, memo, review and receipt.</p>
        </div>
        {can(ctx.role, "expenses.categories") ? (
          <Link href="/purchases/categories" className="text-sm font-medium text-brand-600 hover:underline">
            Edit categories
          </Link>
        ) : null}
      </header>
      <FilterBar label="Filter purchases" clearHref={filtered ? "/purchases" : undefined}>
        <SelectField
          label="Category"
          name="category"
          defaultValue={filter.category ?? ""}
          placeholder="All"
          options={[
            ...categories.map((c) => ({ value: c.id, label: c.archived ? `${c.name} (archived)` : c.name })),
            { value: "none", label: "No category set" },
          ]}
        />
        <SelectField
          label="Review"
          name="review"
          defaultValue={filter.review ?? ""}
          placeholder="All"
          options={REVIEW_STATUSES.map((s) => ({ value: s, label: REVIEW_LABELS[s] }))}
        />
        <SelectField
          label="Cardholder"
          name="cardholder"
          defaultValue={filter.cardholder ?? ""}
          placeholder="All"
          options={holders.map((h) => ({ value: h.id, label: h.name }))}
        />
        <Field label="Memo contains" name="q" defaultValue={filter.q} maxLength={100} />
        <Field label="From" name="from" type="date" defaultValue={filter.from} />
        <Field label="To" name="to" type="date" defaultValue={filter.to} />
      </FilterBar>
      <Panel title="Card purchases" data-testid="purchases">
        {page.rows.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500" data-testid="purchases-empty">
            {filtered || filter.before
              ? "No purchases match. Clear the filters to see them all."
              : "No purchases yet. They appear here as soon as someone pays with one of your cards."}
          </p>
        ) : (
          <div className="mt-3 space-y-3">
            {can(ctx.role, "expenses.review") ? <BulkApprove action={reviewPurchaseAction} /> : null}
            <PurchasesTable
              rows={page.rows}
              categories={categories}
              noteAction={can(ctx.role, "expenses.notes") ? notePurchaseAction : undefined}
              reviewAction={can(ctx.role, "expenses.review") ? reviewPurchaseAction : undefined}
            />
          </div>
        )}
        {page.next ? (
          <Link
            href={`/purchases${filterQuery(filter, { before: cursorText(page.next) })}`}
            className="mt-3 inline-block text-sm font-medium text-brand-700 underline"
          >
            Older purchases
          </Link>
        ) : null}
      </Panel>
      {canExport ? (
        <ExportForm
          values={
            checked ? { format: sent.format, from: sent.from, to: sent.to } : { format: "quickbooks", ...defaults }
          }
          errors={checked && !checked.ok ? checked.fields : {}}
        />
      ) : null}
    </section>
  );
}
