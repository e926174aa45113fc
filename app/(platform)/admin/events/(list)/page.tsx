import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, TableCard } from "@/components/admin/empty-state";
import { formatDateTime } from "@/components/admin/format";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { SelectField } from "@/components/ui/select-field";
import { getDb } from "@/db";
import { decodeCursor, listEvents } from "@/db/queries/events";
import { requirePlatformPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Event log" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined;

export default async function EventsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePlatformPage("platform.events.view");
  const sp = await searchParams;
  const type = one(sp.type);
  const account = one(sp.account);
  const statusRaw = one(sp.status);
  const status = statusRaw === "applied" || statusRaw === "error" || statusRaw === "pending" ? statusRaw : undefined;
  const { rows, next } = await listEvents(getDb(), { type, account, status, before: decodeCursor(one(sp.before)) });
  const qs = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...(type ? { type } : {}),
      ...(account ? { account } : {}),
      ...(status ? { status } : {}),
      ...extra,
    }).toString();
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Event log</h1>
      <FilterBar label="Filter events" clearHref={type || account || status ? "/admin/events" : undefined}>
        <Field label="Type" name="type" defaultValue={type ?? ""} placeholder="issuing_card.* or exact type" />
        <Field label="Account" name="account" defaultValue={account ?? ""} placeholder="acct_…" />
        <SelectField
          label="Result"
          name="status"
          defaultValue={status ?? ""}
          placeholder="All"
          options={[
            { value: "applied", label: "Applied" },
            { value: "error", label: "Failed" },
            { value: "pending", label: "Not applied" },
          ]}
        />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title="No events match">Webhook events from Stripe appear here as they arrive.</EmptyState>
      ) : (
        <TableCard label="Events">
          <thead className="bg-slate-50">
            <tr>
              <th>Received</th>
              <th>Type</th>
              <th>Account</th>
              <th>Object</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="events">
            {rows.map((e) => (
              <tr key={e.id}>
                <td className="whitespace-nowrap">{formatDateTime(e.receivedAt)}</td>
                <td>
                  <Link
                    href={`/admin/events/${encodeURIComponent(e.id)}`}
                    className="font-mono text-xs text-brand-700 hover:underline"
                  >
                    {e.type}
                  </Link>
                </td>
                <td className="text-xs">{e.business ?? e.account ?? "platform"}</td>
                <td className="font-mono text-xs">{e.objectId ?? "—"}</td>
                <td className="text-xs">
                  {e.error ? (
                    <span className="text-red-700">Failed: {e.error}</span>
                  ) : e.appliedAt ? (
                    "Applied"
                  ) : (
                    "Not applied"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </TableCard>
      )}
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {sp.before ? (
          <Link href={`/admin/events?${qs({})}`} className="hover:underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/admin/events?${qs({ before: next })}`} className="hover:underline">
            Older →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
