import type { AccountReview } from "@/db/queries/account-review";
import { accountState } from "@/lib/admin/account-state";
import { formatMoney } from "@/lib/money";
import { EmptyState, Section, TableCard } from "./empty-state";
import { formatDate, formatDateTime, FUNDING_LABELS, StateBadge, StatusBadge } from "./format";

export function IdentitySection({ r }: { r: AccountReview }) {
  const a = r.account;
  const state = accountState({
    hasAccount: !!r.business.stripeAccountId,
    capabilities: a?.capabilities ?? {},
    requirementsDue: a?.requirementsDue ?? [],
    requirementsPastDue: a?.requirementsPastDue ?? [],
    disabledReason: a?.disabledReason ?? null,
  });
  return (
    <Section title="Identity and requirements" id="identity">
      <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">Legal name</dt>
          <dd className="font-medium">{r.business.legalName}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Country · funding</dt>
          <dd>
            {r.business.country} · {FUNDING_LABELS[r.business.fundingModel]}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Onboarding</dt>
          <dd>
            <StateBadge state={state} />{" "}
            {r.paused ? (
              <span
                className="ml-1 rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800"
                data-testid="paused-badge"
              >
                Paused
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Connected account</dt>
          <dd className="font-mono text-xs">{r.business.stripeAccountId ?? "not created yet"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Contact</dt>
          <dd>{r.business.contactEmail ?? a?.email ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Why disabled</dt>
          <dd>{a?.disabledReason ?? "Not disabled"}</dd>
        </div>
        <div className="sm:col-span-3">
          <dt className="text-slate-500">
            Requirements due {a?.requirementsDeadline ? `(deadline ${formatDate(a.requirementsDeadline)})` : ""}
          </dt>
          <dd>{a?.requirementsDue.length ? a.requirementsDue.join(", ") : "Nothing due"}</dd>
        </div>
        {a?.requirementsPastDue.length ? (
          <div className="sm:col-span-3">
            <dt className="text-red-700">Past due</dt>
            <dd className="text-red-700">{a.requirementsPastDue.join(", ")}</dd>
          </div>
        ) : null}
      </dl>
      <h3 className="font-medium">Capabilities and configurations</h3>
      {a && Object.keys(a.capabilities).length ? (
        <ul className="flex flex-wrap gap-2 text-sm">
          {Object.entries(a.capabilities).map(([k, v]) => (
            <li key={k} className="rounded border border-slate-200 bg-white px-2 py-1">
              <span className="font-mono text-xs">{k}</span> <StatusBadge status={v} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No capabilities recorded yet">
          They appear once Stripe reports the account (send an onboarding link if it hasn&apos;t started).
        </EmptyState>
      )}
    </Section>
  );
}

export function MoneySection({ r }: { r: AccountReview }) {
  return (
    <Section title="Financial accounts and balances" id="money">
      {r.financialAccounts.length ? (
        <TableCard label="Financial accounts">
          <thead className="bg-slate-50">
            <tr>
              <th>Financial account</th>
              <th>Status</th>
              <th>Available</th>
              <th>Pending in / out</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="financial-accounts">
            {r.financialAccounts.flatMap((fa) =>
              Object.entries(fa.balances).map(([currency, b]) => (
                <tr key={`${fa.id}-${currency}`}>
                  <td className="font-mono text-xs">{fa.id}</td>
                  <td>
                    <StatusBadge status={fa.status} />
                  </td>
                  <td data-testid={`balance-${currency}`}>{formatMoney(b.available, currency)}</td>
                  <td>
                    {formatMoney(b.inbound_pending, currency)} / {formatMoney(b.outbound_pending, currency)}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </TableCard>
      ) : (
        <EmptyState title="No financial account yet">It is created once the account can hold money.</EmptyState>
      )}
      <h3 className="font-medium">Fundings from the platform</h3>
      {r.fundings.length ? (
        <ul className="space-y-1 text-sm" data-testid="fundings">
          {r.fundings.map((op) => (
            <li key={op.id}>
              {formatDateTime(op.createdAt)}: {formatMoney(op.amount ?? 0, op.currency ?? "usd")}{" "}
              <StatusBadge status={op.status} />
              {op.error ? <span className="text-red-700"> {op.error}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">The platform hasn&apos;t funded this account yet.</p>
      )}
    </Section>
  );
}
