import Link from "next/link";
import { FUNDING_LABELS } from "./format";
import type { AccountFilters } from "@/lib/admin/account-filters";

const input =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

/** A plain GET form: works without JavaScript, and every filtered view has a shareable URL. */
export function AccountsFilters({ filters, countries }: { filters: AccountFilters; countries: string[] }) {
  return (
    <form
      method="get"
      action="/admin/accounts"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      role="search"
    >
      <div className="sm:col-span-2">
        <label htmlFor="accounts-q" className="block text-sm font-medium text-slate-800">
          Search
        </label>
        <input
          id="accounts-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="Name, email or acct_…"
          className={input}
        />
      </div>
      <div>
        <label htmlFor="accounts-status" className="block text-sm font-medium text-slate-800">
          Status
        </label>
        <select id="accounts-status" name="status" defaultValue={filters.status ?? ""} className={input}>
          <option value="">All</option>
          <option value="needs_review">Needs review</option>
          <option value="restricted">Restricted</option>
        </select>
      </div>
      <div>
        <label htmlFor="accounts-funding" className="block text-sm font-medium text-slate-800">
          Funding model
        </label>
        <select id="accounts-funding" name="funding" defaultValue={filters.funding ?? ""} className={input}>
          <option value="">All</option>
          {Object.entries(FUNDING_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="accounts-country" className="block text-sm font-medium text-slate-800">
          Country
        </label>
        <select id="accounts-country" name="country" defaultValue={filters.country ?? ""} className={input}>
          <option value="">All</option>
          {countries.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <input type="hidden" name="sort" value={filters.sort} />
      <input type="hidden" name="dir" value={filters.dir} />
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-5">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Apply
        </button>
        <Link href="/admin/accounts" className="text-sm text-slate-600 hover:underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
