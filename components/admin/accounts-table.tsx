import Link from "next/link";
import type { AdminAccountsPage } from "@/lib/admin/accounts";
import { filtersHref, type AccountFilters } from "@/lib/admin/account-filters";
import { EmptyState, TableCard } from "./empty-state";
import { formatDate, FUNDING_LABELS, MoneyList, StateBadge } from "./format";

function SortHeader({
  filters,
  sort,
  children,
}: {
  filters: AccountFilters;
  sort: AccountFilters["sort"];
  children: React.ReactNode;
}) {
  const active = filters.sort === sort;
  const dir = active && filters.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link
        href={filtersHref(filters, { sort, dir, page: 1 })}
        className="inline-flex items-center gap-1 hover:text-slate-900"
      >
        {children}
        <span aria-hidden>{active ? (filters.dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </Link>
    </th>
  );
}

function capabilitySummary(caps: Record<string, string>): string {
  const values = Object.values(caps);
  if (values.length === 0) return "—";
  const active = values.filter((v) => v === "active").length;
  return `${active}/${values.length} active`;
}

export function AccountsTable({ data, filters }: { data: AdminAccountsPage; filters: AccountFilters }) {
  if (data.rows.length === 0) {
    return (
      <EmptyState title="No accounts match">
        {filters.q || filters.status || filters.funding || filters.country
          ? "Try another search or clear the filters."
          : "Businesses appear here once they sign up."}
      </EmptyState>
    );
  }
  return (
    <div className="space-y-3">
      <TableCard label="Connected accounts">
        <thead className="bg-slate-50">
          <tr>
            <SortHeader filters={filters} sort="name">
              Business
            </SortHeader>
            <SortHeader filters={filters} sort="country">
              Country
            </SortHeader>
            <th scope="col">Funding</th>
            <th scope="col">Onboarding</th>
            <th scope="col">Capabilities</th>
            <SortHeader filters={filters} sort="deadline">
              Requirements due
            </SortHeader>
            <th scope="col">Balance</th>
            <th scope="col">Cards</th>
            <th scope="col">Spend (30 days)</th>
            <SortHeader filters={filters} sort="created">
              Created
            </SortHeader>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid="accounts-rows">
          {data.rows.map((r) => (
            <tr key={r.businessId}>
              <td>
                <Link href={`/admin/accounts/${r.businessId}`} className="font-medium text-brand-700 hover:underline">
                  {r.name}
                </Link>
                <div className="text-xs text-slate-500">{r.email ?? "—"}</div>
                <div className="font-mono text-xs text-slate-500">{r.accountId ?? "no account yet"}</div>
              </td>
              <td>{r.country}</td>
              <td className="whitespace-nowrap">{FUNDING_LABELS[r.fundingModel] ?? r.fundingModel}</td>
              <td>
                <StateBadge state={r.state} />
              </td>
              <td>{capabilitySummary(r.capabilities)}</td>
              <td>
                {r.requirementsDue.length ? `${r.requirementsDue.length} due` : "None"}
                {r.requirementsDeadline ? (
                  <div className="text-xs text-red-700">by {formatDate(r.requirementsDeadline)}</div>
                ) : null}
              </td>
              <td>
                <MoneyList amounts={r.balances} />
              </td>
              <td className="whitespace-nowrap">
                {r.cards.total ? `${r.cards.active} active / ${r.cards.total}` : "—"}
              </td>
              <td>
                <MoneyList amounts={r.spend30d} />
              </td>
              <td className="whitespace-nowrap">{formatDate(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </TableCard>
      <nav aria-label="Pages" className="flex items-center justify-between text-sm text-slate-600">
        <span>
          {data.total.toLocaleString("en-US")} account{data.total === 1 ? "" : "s"} · page {data.page} of{" "}
          {data.pageCount}
        </span>
        <span className="flex gap-3">
          {data.page > 1 ? (
            <Link href={filtersHref(filters, { page: data.page - 1 })} className="hover:underline">
              ← Previous
            </Link>
          ) : null}
          {data.page < data.pageCount ? (
            <Link href={filtersHref(filters, { page: data.page + 1 })} className="hover:underline">
              Next →
            </Link>
          ) : null}
        </span>
      </nav>
    </div>
  );
}
