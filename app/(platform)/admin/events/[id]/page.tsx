import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/admin/format";
import { ReplayButton } from "@/components/admin/replay-button";
import { getDb } from "@/db";
import { getEvent } from "@/db/queries/events";
import { requirePlatformPage } from "@/lib/auth/session";
import { replayAction } from "../actions";

export const metadata: Metadata = { title: "Event" };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePlatformPage("platform.events.view");
  const event = await getEvent(getDb(), { eventId: decodeURIComponent((await params).id) });
  if (!event) notFound();
  return (
    <section className="space-y-4">
      <Link href="/admin/events" className="text-sm text-slate-600 hover:underline">
        ← Event log
      </Link>
      <h1 className="break-all font-mono text-xl font-semibold">{event.type}</h1>
      <dl className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Event</dt>
          <dd className="break-all font-mono text-xs">
            {event.id} ({event.kind})
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Account</dt>
          <dd className="font-mono text-xs">{event.account ?? "platform"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Created at Stripe</dt>
          <dd>{formatDateTime(event.eventCreatedAt)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Received</dt>
          <dd>{formatDateTime(event.receivedAt)}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-500">Processing</dt>
          <dd data-testid="event-result">
            {event.error ? (
              <span className="text-red-700">Failed: {event.error}</span>
            ) : event.appliedAt ? (
              `Applied ${formatDateTime(event.appliedAt)}`
            ) : (
              "Not applied"
            )}
          </dd>
        </div>
      </dl>
      {event.type !== "issuing_authorization.request" ? (
        <ReplayButton action={replayAction} eventId={event.id} />
      ) : null}
      <h2 className="text-lg font-semibold">Payload</h2>
      <pre className="max-h-[32rem] overflow-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100" tabIndex={0}>
        {JSON.stringify(event.payload, null, 2)}
      </pre>
    </section>
  );
}
