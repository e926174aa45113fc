import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { actorLabel, ActivityList } from "@/components/activity/activity-list";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { getDb } from "@/db";
import { activityFilterOptions, listBusinessActivity } from "@/db/queries/audit-log";
import { activityFilters, activityHref, parseActivityQuery } from "@/lib/audit/activity-filters";
import { auditKindLabel } from "@/lib/audit/describe";
import { requireBusinessPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Activity" };

type Params = Record<string, string | string[] | undefined>;

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Params> }) {
  const ctx = await requireBusinessPage("activity.view");
  if (!ctx) redirect("/onboarding");
  const q = parseActivityQuery(await searchParams);
  const db = getDb();
  // The business comes from the session only; the query string just narrows its own log.
  const businessId = ctx.business.id;
  const [{ rows, next }, options] = await Promise.all([
    listBusinessActivity(db, { businessId, ...activityFilters(q) }),
    activityFilterOptions(db, { businessId }),
  ]);
  const filtered = Boolean(q.person || q.kind);
  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Activity</h1>
        <p className="mt-1 text-sm text-slate-600">Who did what in {ctx.business.legalName}, newest first.</p>
      </div>
      <FilterBar label="Filter activity" action="/activity" clearHref={filtered ? "/activity" : undefined}>
        <SelectField
          label="Person"
          name="person"
          defaultValue={q.person ?? ""}
          placeholder="Everyone"
          options={options.people.map((p) => ({ value: p.userId!, label: actorLabel(p) }))}
        />
        <SelectField
          label="Kind"
          name="kind"
          defaultValue={q.kind ?? ""}
          placeholder="All kinds"
          options={options.kinds.map((k) => ({ value: k, label: auditKindLabel(k) }))}
        />
      </FilterBar>
      <ActivityList
        rows={rows}
        filtered={filtered}
        newestHref={q.before ? activityHref(q) : undefined}
        olderHref={next ? activityHref(q, next) : undefined}
      />
    </section>
  );
}
