import type { ReactNode } from "react";
import Link from "next/link";
import { formatDate } from "@/components/admin/format";
import type { DisputeListRow } from "@/db/queries/disputes";
import { disputeDeadline } from "@/lib/disputes/deadline";
import { formatMoney } from "@/lib/money";
import { DisputeStatus } from "./dispute-status";

type Row = DisputeListRow & { businessId?: string | null; businessName?: string | null };

/** Disputes with their purchase, amount, status and deadline; `business` adds the business column (admins). */
export function DisputesTable({
  rows,
  business = false,
  cardLinks = false,
  action,
}: {
  rows: readonly Row[];
  business?: boolean;
  /** Links the purchase to its card page (the business's own pages only). */
  cardLinks?: boolean;
  action?: (row: Row) => ReactNode;
}) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="disputes-table">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            {business ? <th className="py-2 pr-4">Business</th> : null}
            <th className="py-2 pr-4">Purchase</th>
            <th className="py-2 pr-4 text-right">Amount</th>
            <th className="py-2 pr-4">Reason</th>
            <th className="py-2 pr-4">Status</th>
            <th className="py-2 pr-4">Deadline</th>
            {action ? <th className="py-2">Action</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((d) => {
            return (
              <tr key={d.id} data-testid="dispute-row" data-dispute={d.id}>
                {business ? (
                  <td className="py-2 pr-4">
                    {d.businessId ? (
                      <Link href={`/admin/accounts/${d.businessId}`} className="text-brand-700 hover:underline">
                        {d.businessName}
                      </Link>
                    ) : (
                      d.accountId
                    )}
                  </td>
                ) : null}
                <td className="py-2 pr-4">
                  {cardLinks && d.cardId ? (
                    <Link href={`/cards/${d.cardId}`} className="text-brand-700 hover:underline">
                      {d.merchantName ?? d.transactionId ?? "Purchase"}
                    </Link>
                  ) : (
                    (d.merchantName ?? d.transactionId ?? "—")
                  )}
                  <span className="block text-xs text-slate-500">
                    {d.capturedAt ? `Captured ${formatDate(d.capturedAt)}` : d.transactionId}
                  </span>
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(d.amount, d.currency)}</td>
                <td className="py-2 pr-4 capitalize">{d.reason?.replace(/_/g, " ") ?? "—"}</td>
                <td className="py-2 pr-4">
                  <DisputeStatus status={d.status} />
                </td>
                <td className="py-2 pr-4 whitespace-nowrap" data-testid="dispute-deadline">
                  {d.capturedAt ? formatDate(disputeDeadline(d.capturedAt)) : "—"}
                </td>
                {action ? <td className="py-2">{action(d)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
