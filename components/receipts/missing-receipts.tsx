import Link from "next/link";
import { formatMoney } from "@/lib/money";

type Row = {
  id: string;
  at: Date;
  amount: number;
  currency: string;
  merchant: string | null;
  cardholderName: string | null;
  last4: string | null;
};

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Purchases still waiting for their receipt, each linking to the page where it is added. */
export function MissingReceiptsList({
  rows,
  hrefOf,
  showCardholder,
}: {
  rows: Row[];
  hrefOf: (id: string) => string;
  showCardholder: boolean;
}) {
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="missing-receipts">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span>
            <Link href={hrefOf(r.id)} className="font-medium underline">
              {r.merchant ?? "Purchase"}
            </Link>
            <span className="block text-xs text-slate-500">
              {day.format(r.at)}
              {r.last4 ? ` · •••• ${r.last4}` : ""}
              {showCardholder && r.cardholderName ? ` · ${r.cardholderName}` : ""}
            </span>
          </span>
          <span className="tabular-nums">{formatMoney(r.amount, r.currency)}</span>
        </li>
      ))}
    </ul>
  );
}
