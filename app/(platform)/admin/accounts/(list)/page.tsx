import type { Metadata } from "next";
import { AccountsFilters } from "@/components/admin/accounts-filters";
import { AccountsTable } from "@/components/admin/accounts-table";
import { getDb } from "@/db";
import { accountCountries } from "@/db/queries/businesses-list";
import { listAdminAccounts } from "@/lib/admin/accounts";
import { parseAccountFilters } from "@/lib/admin/account-filters";
import { requirePlatformPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePlatformPage("platform.accounts.view");
  const filters = parseAccountFilters(await searchParams);
  const db = getDb();
  const [data, countries] = await Promise.all([listAdminAccounts(db, filters), accountCountries(db)]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Accounts</h1>
      <AccountsFilters filters={filters} countries={countries} />
      <AccountsTable data={data} filters={filters} />
    </section>
  );
}
