import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { FUNDING_LABELS } from "./format";
import type { AccountFilters } from "@/lib/admin/account-filters";

/** The accounts list's filters; sort and direction ride along so filtering keeps the order. */
export function AccountsFilters({ filters, countries }: { filters: AccountFilters; countries: string[] }) {
  const filtered = Boolean(filters.q || filters.status || filters.funding || filters.country);
  return (
    <FilterBar label="Filter accounts" action="/admin/accounts" clearHref={filtered ? "/admin/accounts" : undefined}>
      <Field
        label="Search"
        name="q"
        type="search"
        defaultValue={filters.q ?? ""}
        placeholder="Name, email or acct_…"
        className="min-w-64 flex-1"
      />
      <SelectField
        label="Status"
        name="status"
        defaultValue={filters.status ?? ""}
        placeholder="All"
        options={[
          { value: "needs_review", label: "Needs review" },
          { value: "restricted", label: "Restricted" },
        ]}
      />
      <SelectField
        label="Funding model"
        name="funding"
        defaultValue={filters.funding ?? ""}
        placeholder="All"
        options={Object.entries(FUNDING_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <SelectField
        label="Country"
        name="country"
        defaultValue={filters.country ?? ""}
        placeholder="All"
        options={countries.map((c) => ({ value: c, label: c }))}
      />
      <input type="hidden" name="sort" value={filters.sort} />
      <input type="hidden" name="dir" value={filters.dir} />
    </FilterBar>
  );
}
