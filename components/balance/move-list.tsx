import type { BalanceMove } from "@/lib/issuing-balance/balance";
import { formatMoney } from "@/lib/money";

const STATUS_LABEL: Record<string, string> = {
  pending: "Pending",
  in_transit: "In transit",
  succeeded: "Arrived",
  paid: "Paid",
  failed: "Failed",
  canceled: "Canceled",
  reversed: "Reversed",
};

/** The latest top-ups and payouts of the Issuing balance, newest first, with why a failed one failed. */
export function MoveList({ moves }: { moves: BalanceMove[] }) {
  if (moves.length === 0)
    return (
      <p className="mt-3 text-sm text-slate-600">
        Nothing in or out yet. Send a bank transfer to the details above to fund your cards.
      </p>
    );
  return (
    <ul className="mt-3 divide-y divide-slate-100" data-testid="balance-moves">
      {moves.map((m) => (
        <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm" data-kind={m.kind}>
          <span>
            {m.kind === "topup" ? "Bank transfer in" : "Payout to bank"}
            <span className="ml-2 text-xs text-slate-500">{new Date(m.created * 1000).toISOString().slice(0, 10)}</span>
            {m.failure ? <span className="block text-xs text-red-700">{m.failure}</span> : null}
          </span>
          <span className="flex items-baseline gap-3">
            <span data-testid="move-status" className={m.status === "failed" ? "text-red-700" : "text-slate-600"}>
              {STATUS_LABEL[m.status] ?? m.status}
            </span>
            <span className="font-medium tabular-nums">
              {m.kind === "topup" ? "+" : "−"}
              {formatMoney(m.amount, m.currency)}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
