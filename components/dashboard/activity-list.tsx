import { Panel } from "@/components/ui/panel";
import { formatMoney } from "@/lib/money";
import type { Activity } from "@/lib/dashboard/home";

const dateFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
});

export function ActivityList({ items }: { items: Activity[] }) {
  return (
    <Panel title="Recent activity">
      {items.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">Nothing yet. Money you receive and card purchases will show here.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100" data-testid="recent-activity">
          {items.map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-4 py-2.5 text-sm">
              <div className="min-w-0">
                <p className="truncate font-medium capitalize">{a.description}</p>
                <p className="text-xs text-slate-500">
                  {dateFormat.format(a.at)} · {a.status}
                </p>
                {a.why ? (
                  <p className="text-xs text-slate-600" data-testid="decline-reason">
                    {a.why.why}. {a.why.next}.
                  </p>
                ) : null}
              </div>
              <span
                className={`shrink-0 tabular-nums ${a.amount > 0 ? "text-emerald-700" : a.status === "declined" ? "text-slate-500 line-through" : ""}`}
              >
                {a.amount > 0 ? "+" : ""}
                {formatMoney(a.amount, a.currency)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
