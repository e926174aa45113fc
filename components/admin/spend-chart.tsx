import type { SpendRow } from "@/db/queries/spend-analytics";
import { formatMoney } from "@/lib/money";
import { EmptyState, Section } from "./empty-state";

/**
 * Horizontal bars in plain CSS: each bar's width is its share of the largest amount in its own
 * currency (pence and cents are never put on one scale).
 */
export function SpendChart({ title, rows, csvHref }: { title: string; rows: SpendRow[]; csvHref: string }) {
  const max = new Map<string, number>();
  for (const r of rows) max.set(r.currency, Math.max(max.get(r.currency) ?? 1, r.amount));
  return (
    <Section
      title={title}
      actions={
        <a href={csvHref} className="text-sm text-brand-700 hover:underline" download>
          Download CSV
        </a>
      }
    >
      {rows.length === 0 ? (
        <EmptyState title="No spend in this period">Pick a longer period, or wait for card purchases.</EmptyState>
      ) : (
        <ul className="space-y-1 rounded-lg border border-slate-200 bg-white p-4" aria-label={title}>
          {rows.map((r) => (
            <li
              key={`${r.key}-${r.currency}`}
              className="grid grid-cols-[minmax(0,10rem)_1fr_auto] items-center gap-2 text-sm"
            >
              <span className="truncate" title={r.label}>
                {r.label}
              </span>
              <span className="h-3 rounded bg-slate-100" aria-hidden>
                <span
                  className="block h-3 rounded bg-brand-500"
                  style={{ width: `${Math.max(1, (r.amount / (max.get(r.currency) ?? 1)) * 100)}%` }}
                />
              </span>
              <span className="whitespace-nowrap tabular-nums">
                {formatMoney(r.amount, r.currency)} <span className="text-xs text-slate-500">({r.count})</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
