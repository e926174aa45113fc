import Link from "next/link";
import type { PurchaseRow } from "@/db/queries/purchases";
import type { ExpenseCategory } from "@/db/schema";
import type { FormAction } from "@/lib/actions/form-action";
import { suggestCategory } from "@/lib/expenses/default-categories";
import { REVIEW_LABELS } from "@/lib/expenses/filters";
import { formatMoney } from "@/lib/money";
import { PurchaseNoteForm } from "./purchase-note-form";
import { BULK_FORM } from "./bulk-approve";
import { ReviewForm } from "./review-form";

const when = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const REVIEW_TONE = { to_review: "text-slate-600", approved: "text-green-700", flagged: "text-amber-700" } as const;
// Under md the table stacks: each row a card, each cell labelled by its column.
const TD =
  "flex gap-2 py-0.5 md:table-cell md:py-2 md:pr-3 before:w-28 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] md:before:content-none";

/** The business's purchases with what the business says of them; editing where the role allows. */
export function PurchasesTable({
  rows,
  categories,
  noteAction,
  reviewAction,
}: {
  rows: readonly PurchaseRow[];
  categories: readonly ExpenseCategory[];
  noteAction?: FormAction<unknown>;
  reviewAction?: FormAction<unknown>;
}) {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const options = categories.filter((c) => !c.archived).map((c) => ({ value: c.id, label: c.name }));
  return (
    <table className="w-full text-left text-sm">
      <thead className="hidden border-b border-slate-200 text-xs text-slate-500 md:table-header-group">
        <tr>
          {reviewAction ? (
            <th scope="col" className="py-2 pr-3 font-medium">
              <span className="sr-only">Select</span>
            </th>
          ) : null}
          {["Date", "Merchant", "Cardholder", "Card", "Amount", "Status", "Category", "Memo", "Review", "Receipt"].map(
            (h) => (
              <th key={h} scope="col" className="py-2 pr-3 font-medium">
                {h}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => {
          const set = p.categoryId ? byId.get(p.categoryId) : undefined;
          const suggested = set ? null : suggestCategory(categories, p.merchantCategory);
          const label = `${p.merchantName ?? "purchase"} ${formatMoney(p.amount, p.currency)}`;
          return (
            <tr
              key={p.id}
              className="block border-b border-slate-100 py-3 align-top md:table-row"
              data-testid="purchase-row"
              data-purchase={p.id}
            >
              {reviewAction ? (
                <td className="block md:table-cell md:py-2 md:pr-3">
                  <input
                    type="checkbox"
                    name="purchase"
                    value={p.id}
                    form={BULK_FORM}
                    aria-label={`Select ${label}`}
                    className="size-4"
                  />
                </td>
              ) : null}
              <td className={TD} data-label="Date">
                {when.format(p.createdAt)}
              </td>
              <td className={TD} data-label="Merchant">
                <Link
                  href={`/purchases/${p.id}`}
                  className="font-medium text-brand-700 hover:underline"
                  data-testid="purchase-merchant"
                >
                  {p.merchantName ?? "—"}
                </Link>
              </td>
              <td className={TD} data-label="Cardholder">
                {p.cardholderName ?? "—"}
              </td>
              <td className={TD} data-label="Card">
                {p.last4 ? `•••• ${p.last4}` : "—"}
              </td>
              <td className={`${TD} tabular-nums font-medium`} data-label="Amount" data-testid="purchase-amount">
                {formatMoney(p.amount, p.currency)}
              </td>
              <td className={TD} data-label="Status">
                {p.approved ? "Approved" : <span className="text-red-700">Declined</span>}
              </td>
              <td className={TD} data-label="Category" data-testid="purchase-category">
                {set ? set.name : suggested ? <span className="text-slate-500">Suggested: {suggested.name}</span> : "—"}
              </td>
              <td className={`${TD} max-w-48 break-words`} data-label="Memo" data-testid="purchase-memo">
                {p.memo ?? ""}
              </td>
              <td className={TD} data-label="Review">
                <span className={REVIEW_TONE[p.reviewStatus]} data-testid="purchase-review">
                  {REVIEW_LABELS[p.reviewStatus]}
                </span>
              </td>
              <td className={TD} data-label="Receipt" data-testid="purchase-receipt">
                {p.hasReceipt ? "Yes" : <span className="text-slate-500">Missing</span>}
              </td>
              {noteAction || reviewAction ? (
                <td className="block pt-2 md:table-cell md:py-2">
                  <details className="min-w-56">
                    <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit</summary>
                    <div className="mt-2 space-y-3">
                      {reviewAction ? (
                        <ReviewForm action={reviewAction} purchase={p.id} label={label} status={p.reviewStatus} />
                      ) : null}
                      {noteAction ? (
                        <PurchaseNoteForm
                          action={noteAction}
                          purchase={p.id}
                          label={label}
                          categories={options}
                          category={p.categoryId ?? suggested?.id ?? ""}
                          memo={p.memo ?? ""}
                        />
                      ) : null}
                    </div>
                  </details>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
