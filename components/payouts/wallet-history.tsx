import type { WalletEntry } from "@/db/schema";
import { formatMoney } from "@/lib/money";
import { describeCounter, KIND_LABELS } from "@/lib/wallet/history";

/** The wallet's history rows; amounts signed and always with their currency. */
export function WalletHistory({ rows, filtered }: { rows: WalletEntry[]; filtered: boolean }) {
  if (rows.length === 0) {
    return (
      <p
        className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600"
        data-testid="wallet-empty"
      >
        {filtered
          ? "Nothing matches these filters. Clear them to see everything."
          : "No activity yet. Fundings from the platform, card spending and payouts will show here."}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="wallet-history">
      {rows.map((r) => {
        const counter = describeCounter(r);
        return (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm" data-kind={r.kind}>
            <div className="min-w-0">
              <p className="font-medium">{KIND_LABELS[r.kind]}</p>
              <p className="text-xs text-slate-500">
                {r.objectCreatedAt.toLocaleString("en-US", {
                  dateStyle: "medium",
                  timeStyle: "short",
                  timeZone: "UTC",
                })}{" "}
                UTC
                {r.description ? ` · ${r.description}` : ""}
                {r.status !== "posted" ? ` · ${r.status}` : ""}
              </p>
            </div>
            <div className="text-right">
              <p className={`font-semibold ${r.amount < 0 ? "text-slate-900" : "text-emerald-700"}`}>
                {r.amount < 0 ? "−" : "+"}
                {formatMoney(Math.abs(r.amount), r.currency)}
              </p>
              {counter ? <p className="text-xs text-slate-500">{counter}</p> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
