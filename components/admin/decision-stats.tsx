import type { decisionLog, DecisionStats } from "@/db/queries/authorization-decisions";
import { formatMoney } from "@/lib/money";
import { EmptyState, Section, TableCard } from "./empty-state";
import { formatDateTime } from "./format";

export function DecisionStatsPanel({ stats }: { stats: DecisionStats }) {
  const rate = stats.total ? ((stats.approved / stats.total) * 100).toFixed(1) : "—";
  return (
    <Section title="Decisions in the last 30 days" id="decision-stats">
      <dl className="grid gap-3 sm:grid-cols-4">
        {[
          ["Decisions", stats.total.toLocaleString("en-US")],
          ["Approval rate", stats.total ? `${rate}%` : "—"],
          ["Latency p50 / p95", `${stats.latency.p50} / ${stats.latency.p95} ms`],
          ["Latency p99", `${stats.latency.p99} ms`],
        ].map(([k, v]) => (
          <div key={k} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs uppercase tracking-wide text-slate-500">{k}</dt>
            <dd className="mt-1 text-xl font-semibold">{v}</dd>
          </div>
        ))}
      </dl>
      <h3 className="font-medium">Top decline reasons</h3>
      {stats.topDeclines.length ? (
        <ul className="text-sm">
          {stats.topDeclines.map((d) => (
            <li key={`${d.rule}-${d.decidedBy}`}>
              {d.rule} ({d.decidedBy}): {d.n}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No declines in this period.</p>
      )}
    </Section>
  );
}

export function DecisionLog({ rows }: { rows: Awaited<ReturnType<typeof decisionLog>> }) {
  return (
    <Section title="Decision log" id="decision-log">
      {rows.length === 0 ? (
        <EmptyState title="No decisions yet">
          Each real-time authorization decision appears here with the rule that made it.
        </EmptyState>
      ) : (
        <TableCard label="Decision log">
          <thead className="bg-slate-50">
            <tr>
              <th>When</th>
              <th>Business</th>
              <th>Amount</th>
              <th>Merchant</th>
              <th>Decision</th>
              <th>Rule and reason</th>
              <th>Latency</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="decision-log">
            {rows.map(({ d, business }) => (
              <tr key={d.id}>
                <td className="whitespace-nowrap">{formatDateTime(d.createdAt)}</td>
                <td>{business ?? d.accountId ?? "—"}</td>
                <td>{formatMoney(d.amount, d.currency)}</td>
                <td>
                  {d.merchantCategory ?? "—"} {d.merchantCountry ?? ""}
                </td>
                <td>{d.approved ? "Approved" : "Declined"}</td>
                <td>
                  <span className="font-mono text-xs">{d.rule ?? d.decidedBy}</span> {d.reason}
                </td>
                <td>{d.latencyMs} ms</td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
    </Section>
  );
}
