import type { Metadata } from "next";
import { SpendChart } from "@/components/admin/spend-chart";
import { getDb } from "@/db";
import { DIMENSIONS, periodFrom, spendBy } from "@/db/queries/admin-analytics";
import { requirePlatformPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Analytics" };

const TITLES = {
  category: "Spend by merchant category",
  country: "Spend by merchant country",
  account: "Spend by account",
} as const;
type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

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
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="an-from" className="block text-sm font-medium">
            From
          </label>
          <input id="an-from" type="date" name="from" defaultValue={day(from)} className={input} />
        </div>
        <div>
          <label htmlFor="an-to" className="block text-sm font-medium">
            To
          </label>
          <input id="an-to" type="date" name="to" defaultValue={toDay} className={input} />
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
          Show
        </button>
      </form>
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
