import Link from "next/link";
import { EmptyState, TableCard } from "@/components/admin/empty-state";
import { formatDateTime } from "@/components/admin/format";
import type { ActivityActor } from "@/db/queries/audit-log";
import { describeAudit } from "@/lib/audit/describe";

/** Who did it, as an owner knows them: teammates by name, the platform's staff and Stripe by role. */
export function actorLabel(a: ActivityActor): string {
  if (!a.userId) return "Stripe";
  if (a.platformAdmin && !a.isMember) return "Platform admin";
  return a.name ? `${a.name} (${a.email})` : (a.email ?? "Someone");
}

type Row = { id: string; action: string; data: Record<string, unknown>; at: Date; actor: ActivityActor };

export function ActivityList({
  rows,
  filtered,
  newestHref,
  olderHref,
}: {
  rows: Row[];
  filtered: boolean;
  newestHref?: string;
  olderHref?: string;
}) {
  return (
    <>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "Nothing matches these filters" : "No activity yet"}>
          {filtered
            ? "Clear the filters, or pick another person or kind."
            : "Invitations, card rules, payouts and other changes appear here as your team makes them."}
        </EmptyState>
      ) : (
        <TableCard label="Activity">
          <thead className="bg-slate-50">
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="activity">
            {rows.map((r) => (
              <tr key={r.id} data-testid="activity-row">
                <td className="whitespace-nowrap">{formatDateTime(r.at)}</td>
                <td>{actorLabel(r.actor)}</td>
                <td>{describeAudit(r.action, r.data)}</td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {newestHref ? (
          <Link href={newestHref} className="hover:underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {olderHref ? (
          <Link href={olderHref} className="hover:underline">
            Older →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
