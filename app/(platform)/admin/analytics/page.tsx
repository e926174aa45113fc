import type { Metadata } from "next";
import { SpendChart } from "@/components/admin/spend-chart";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { getDb } from "@/db";
import { DIMENSIONS, periodFrom, spendBy } from "@/db/queries/spend-analytics";
import { requirePlatformPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Analytics" };

const TITLES = {
  category: "Spend by merchant category",
  country: "Spend by merchant country",
  account: "Spend by account",
} as const;
type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePlatformPage("platform.accounts.view");
  const sp = await searchParams;
  const { from, to } = periodFrom({ from: one(sp.from), to: one(sp.to), days: one(sp.days) });
  const db = getDb();
  const data = await Promise.all(DIMENSIONS.map((d) => spendBy(db, d, from, to)));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const toDay = day(new Date(to.getTime() - 1));
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Analytics</h1>
      <FilterBar label="Period">
        <Field label="From" name="from" type="date" defaultValue={day(from)} />
        <Field label="To" name="to" type="date" defaultValue={toDay} />
      </FilterBar>
      {DIMENSIONS.map((d, i) => (
        <SpendChart
          key={d}
          title={TITLES[d]}
          rows={data[i]!}
          csvHref={`/api/admin/analytics?by=${d}&from=${day(from)}&to=${toDay}`}
        />
      ))}
    </section>
  );
}
