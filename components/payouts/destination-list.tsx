import type { PayoutDestination } from "@/db/schema";
import { NetworkBadge } from "./network-badge";

/** Saved destinations; `actions` renders the archive button for people who may manage them. */
export function DestinationList({
  destinations,
  actions,
}: {
  destinations: PayoutDestination[];
  actions?: (d: PayoutDestination) => React.ReactNode;
}) {
  if (destinations.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        No destinations yet. Add a crypto wallet or a bank account to send USDC to it.
      </p>
    );
  }
  return (
    <ul
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
      data-testid="destination-list"
    >
      {destinations.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 p-3" data-testid="destination">
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              {d.label}{" "}
              {d.network ? (
                <NetworkBadge network={d.network} />
              ) : (
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{d.currency.toUpperCase()} bank</span>
              )}
            </p>
            <p className="break-all font-mono text-xs text-slate-500">
              {d.address}
              {d.memo ? ` · memo ${d.memo}` : ""}
            </p>
          </div>
          {actions?.(d)}
        </li>
      ))}
    </ul>
  );
}
