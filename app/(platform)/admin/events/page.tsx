import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, TableCard } from "@/components/admin/empty-state";
import { formatDateTime } from "@/components/admin/format";
import { getDb } from "@/db";
import { decodeCursor, listEvents } from "@/db/queries/admin-events";
import { requirePlatformPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Event log" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined;
const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

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
      <form
        method="get"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4"
        role="search"
      >
        <div>
          <label htmlFor="ev-type" className="block text-sm font-medium">
            Type
          </label>
          <input
            id="ev-type"
            name="type"
            defaultValue={type ?? ""}
            placeholder="issuing_card.* or exact type"
            className={input}
          />
        </div>
        <div>
          <label htmlFor="ev-account" className="block text-sm font-medium">
            Account
          </label>
          <input id="ev-account" name="account" defaultValue={account ?? ""} placeholder="acct_…" className={input} />
        </div>
        <div>
          <label htmlFor="ev-status" className="block text-sm font-medium">
            Result
          </label>
          <select id="ev-status" name="status" defaultValue={status ?? ""} className={input}>
            <option value="">All</option>
            <option value="applied">Applied</option>
            <option value="error">Failed</option>
            <option value="pending">Not applied</option>
          </select>
        </div>
        <div className="flex items-end gap-3">
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Filter
          </button>
          <Link href="/admin/events" className="text-sm text-slate-600 hover:underline">
            Clear
          </Link>
        </div>
      </form>
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
