import type { AccountReview } from "@/db/queries/account-review";
import { describeAudit } from "@/lib/audit/describe";
import { explainDecline, type DeclineFacts } from "@/lib/cards/declines";
import { merchantCategory } from "@/lib/rules/merchant-categories";
import { formatMoney } from "@/lib/money";
import { EmptyState, Section, TableCard } from "./empty-state";
import { formatDateTime, StatusBadge } from "./format";

export function CardsSection({ r }: { r: AccountReview }) {
  const holder = new Map(r.cardholders.map((h) => [h.id, h]));
  return (
    <Section title="Cardholders and cards" id="cards">
      {r.cards.length ? (
        <TableCard label="Cards">
          <thead className="bg-slate-50">
            <tr>
              <th>Card</th>
              <th>Cardholder</th>
              <th>Type</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="cards">
            {r.cards.map((c) => (
              <tr key={c.id}>
                <td className="whitespace-nowrap">
                  •••• {c.last4}{" "}
                  <span className="text-xs text-slate-500">
                    {c.expMonth}/{c.expYear}
                  </span>
                </td>
                <td>{holder.get(c.cardholderId)?.name ?? c.cardholderId}</td>
                <td>{c.type}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      ) : (
        <EmptyState title="No cards">
          {r.cardholders.length
            ? `${r.cardholders.length} cardholder(s), no cards issued yet.`
            : "The business hasn't issued any cards."}
        </EmptyState>
      )}
    </Section>
  );
}

export function AuthorizationsSection({ r }: { r: AccountReview }) {
  return (
    <Section title="Authorizations and decisions" id="authorizations">
      {r.authorizations.length ? (
        <TableCard label="Authorizations">
          <thead className="bg-slate-50">
            <tr>
              <th>When</th>
              <th>Merchant</th>
              <th>Amount</th>
              <th>Result</th>
              <th>Decision</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="authorizations">
            {r.authorizations.map((a) => (
              <tr key={a.id}>
                <td className="whitespace-nowrap">{formatDateTime(a.objectCreatedAt)}</td>
                <td>
                  {a.merchantName ?? "—"}
                  <div className="text-xs text-slate-500">
                    {a.merchantCategory
                      ? `${a.merchantCategory} (${merchantCategory(a.merchantCategory)?.mcc ?? "?"})`
                      : ""}{" "}
                    {a.merchantCountry ?? ""}
                  </div>
                </td>
                <td>{formatMoney(a.amount || a.merchantAmount, a.currency)}</td>
                <td>
                  <StatusBadge status={a.approved ? "approved" : "declined"} good={["approved"]} />
                  {a.approved ? null : (
                    <div className="text-xs text-slate-500" title={a.declineReason ?? undefined}>
                      {explainDecline({
                        reason: a.declineReason,
                        verification: a.verificationData as DeclineFacts["verification"],
                      })?.why ?? a.declineReason}
                    </div>
                  )}
                </td>
                <td className="text-xs">
                  {a.decision ? (
                    <>
                      <span className="font-medium">{a.decision.rule ?? a.decision.decidedBy}</span>:{" "}
                      {a.decision.reason}
                      <div className="text-slate-500">{a.decision.latencyMs} ms</div>
                    </>
                  ) : (
                    <span className="text-slate-500">No real-time decision</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      ) : (
        <EmptyState title="No authorizations yet">Card purchases and their decisions appear here.</EmptyState>
      )}
    </Section>
  );
}

export function DecisionsSection({ r }: { r: AccountReview }) {
  return (
    <Section title="Real-time decisions" id="decisions">
      {r.decisions.length ? (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm break-words"
          data-testid="decisions"
        >
          {r.decisions.map((d) => (
            <li key={d.id} className="px-3 py-2">
              {formatDateTime(d.createdAt)} · {formatMoney(d.amount, d.currency)} · {d.merchantCategory ?? "—"} ·{" "}
              <strong>{d.approved ? "Approved" : "Declined"}</strong> ·{" "}
              <span className="font-mono text-xs">{d.rule ?? d.decidedBy}</span> {d.reason}{" "}
              <span className="text-slate-500">({d.latencyMs} ms)</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No real-time decisions for this business yet.</p>
      )}
    </Section>
  );
}

function SimpleList<T extends { id: string }>({
  title,
  rows,
  empty,
  render,
}: {
  title: string;
  rows: T[];
  empty: string;
  render: (row: T) => React.ReactNode;
}) {
  return (
    <Section title={title}>
      {rows.length ? (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm break-words">
          {rows.map((row) => (
            <li key={row.id} className="px-3 py-2">
              {render(row)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{empty}</p>
      )}
    </Section>
  );
}

export function ActivityLists({ r }: { r: AccountReview }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <SimpleList
        title="Card transactions"
        rows={r.transactions}
        empty="No captured card transactions."
        render={(t) =>
          `${formatDateTime(t.objectCreatedAt)} · ${t.type} · ${formatMoney(t.amount, t.currency)} · ${t.merchantName ?? ""}`
        }
      />
      <SimpleList
        title="Money movements"
        rows={r.moneyTransactions}
        empty="No money movements yet."
        render={(t) =>
          `${formatDateTime(t.objectCreatedAt)} · ${t.flowType} · ${formatMoney(t.amount, t.currency)} · ${t.status}`
        }
      />
      <SimpleList
        title="Disputes"
        rows={r.disputes}
        empty="No disputes."
        render={(d) =>
          `${formatDateTime(d.objectCreatedAt)} · ${formatMoney(d.amount, d.currency)} · ${d.status} · ${d.reason ?? ""}`
        }
      />
      <SimpleList
        title="Payouts"
        rows={r.payouts}
        empty="No payouts."
        render={(p) =>
          `${formatDateTime(p.objectCreatedAt)} · ${p.kind} · ${formatMoney(p.amount, p.currency)} · ${p.status} · ${p.destination ?? ""}`
        }
      />
      <SimpleList
        title="Members"
        rows={r.members}
        empty="No members."
        render={(m) => `${m.name} <${m.email}> · ${m.role}`}
      />
      <SimpleList
        title="Audit log"
        rows={r.audit}
        empty="Nothing recorded yet."
        render={(e) => (
          <span data-testid="audit-entry">
            {formatDateTime(e.at)} · <span className="font-medium">{describeAudit(e.action, e.data)}</span>{" "}
            <span className="font-mono text-xs text-slate-500">{e.action}</span> by {e.actor ?? "system"}
          </span>
        )}
      />
    </div>
  );
}
