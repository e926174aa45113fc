import { formatMoney } from "@/lib/money";
import type { Balances } from "@/lib/dashboard/home";

export function BalanceCards({ balances }: { balances: Balances }) {
  const items = [
    { key: "available", label: "Available", value: balances.available, hint: "Ready to spend or send" },
    { key: "incoming", label: "Incoming", value: balances.incoming, hint: "On its way in" },
    { key: "outgoing", label: "Outgoing", value: balances.outgoing, hint: "Held for card purchases and payouts" },
  ] as const;
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      {items.map((i) => (
        <div key={i.key} className="rounded-xl border border-slate-200 bg-white p-5">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{i.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`balance-${i.key}`}>
            {formatMoney(i.value, balances.currency)}
          </dd>
          <dd className="mt-1 text-xs text-slate-500">{i.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
