import type { OperationRow, PayoutDestination } from "@/db/schema";
import { formatMoney } from "@/lib/money";
import { payoutTimeline } from "@/lib/payouts/timeline";
import { NetworkBadge } from "./network-badge";
import { PayoutTimeline } from "./payout-timeline";

/** Each payout with its destination and status timeline; `controls` renders sandbox buttons. */
export function PayoutList({
  payouts,
  destinations,
  controls,
}: {
  payouts: OperationRow[];
  destinations: PayoutDestination[];
  controls?: (p: OperationRow, status: string) => React.ReactNode;
}) {
  if (payouts.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        No payouts yet. Send USDC to one of your destinations and it will show here with its status.
      </p>
    );
  }
  const byId = new Map(destinations.map((d) => [d.id, d]));
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="payout-list">
      {payouts.map((p) => {
        const obt = p.result ?? {};
        const status = p.status === "pending" ? "sending" : String(obt.status ?? "processing");
        const dest = byId.get(String(p.request.destinationId));
        return (
          <li key={p.id} className="p-4" data-testid="payout" data-status={status}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-semibold">{formatMoney(p.amount ?? 0, p.currency ?? "usdc")}</p>
              <p className="text-xs text-slate-500">
                {p.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC
              </p>
            </div>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
              to {dest?.label ?? "a removed destination"} <NetworkBadge network={dest?.network ?? null} />
              <span className="break-all font-mono text-xs text-slate-500">{dest?.address}</span>
            </p>
            {p.status === "pending" ? (
              <p className="mt-2 text-sm text-amber-700">
                Waiting for Stripe to confirm. Sending the same form again is safe.
              </p>
            ) : (
              <PayoutTimeline steps={payoutTimeline(obt)} />
            )}
            {controls?.(p, status)}
          </li>
        );
      })}
    </ul>
  );
}
