import { randomUUID } from "node:crypto";
import Link from "next/link";
import { DisputeForm } from "@/components/disputes/dispute-form";
import { DisputeStatus } from "@/components/disputes/dispute-status";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { listDisputes } from "@/db/queries/disputes";
import { cardCaptures, type CaptureCursor } from "@/db/queries/issuing-transactions";
import type { FormAction } from "@/lib/actions/form-action";
import type { Opened } from "@/lib/disputes/open";
import { formatMoney } from "@/lib/money";

const when = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const CURSOR = /^(\d{1,12})\.(ipi_[A-Za-z0-9_]{1,64})$/;

/** A page cursor from the URL (`<unix seconds>.<transaction id>`), or null for the first page. */
export function captureCursor(param: string | string[] | undefined): CaptureCursor | null {
  const m = typeof param === "string" ? CURSOR.exec(param) : null;
  return m ? { createdAt: new Date(Number(m[1]) * 1000), id: m[2]! } : null;
}

/**
 * Captured purchases (one card's, or the whole business's), newest first, each with its dispute's
 * status or, where `action` is given, a Dispute form. `olderHref` builds the next page's link.
 */
export async function CapturesPanel({
  accountId,
  cardId,
  action,
  hidden,
  before,
  olderHref,
  title = "Captured purchases",
}: {
  accountId: string;
  cardId?: string;
  action?: FormAction<Opened>;
  hidden?: Record<string, string>;
  before?: CaptureCursor | null;
  olderHref?: (cursor: string) => string;
  title?: string;
}) {
  const db = getDb();
  const [page, disputes] = await Promise.all([
    cardCaptures(db, { accountId, cardId, before }),
    listDisputes(db, { accountId }),
  ]);
  const captures = page.rows;
  const disputeOf = new Map(disputes.map((d) => [d.transactionId, d]));
  const label = (t: (typeof captures)[number]) =>
    `${t.merchantName ?? "purchase"} ${formatMoney(-t.amount, t.currency)}`;
  const last = captures.at(-1);
  return (
    <Panel title={title} data-testid="card-captures">
      {captures.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">
          {before
            ? "No older captured purchases."
            : "No captured purchases yet. A purchase can be disputed once it is captured."}
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {captures.map((t) => {
            const dispute = disputeOf.get(t.id);
            // A duplicate charge repeats another capture on the same card: those on this page are offered.
            const duplicates = captures
              .filter((o) => o.cardId === t.cardId && o.id !== t.id)
              .map((o) => ({ value: o.id, label: `${when.format(o.objectCreatedAt)} · ${label(o)}` }));
            return (
              <li key={t.id} className="py-2 text-sm" data-testid="capture-row" data-transaction={t.id}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {when.format(t.objectCreatedAt)} · {t.merchantName ?? "—"}{" "}
                    <span className="tabular-nums font-medium">{formatMoney(-t.amount, t.currency)}</span>
                    {cardId ? null : <span className="text-slate-500"> · card {t.cardId}</span>}
                  </span>
                  {dispute ? (
                    <span className="text-slate-600">
                      Disputed <DisputeStatus status={dispute.status} />
                    </span>
                  ) : null}
                </div>
                {!dispute && action ? (
                  <DisputeForm
                    action={action}
                    purchase={t.id}
                    label={label(t)}
                    clientToken={randomUUID()}
                    duplicates={duplicates}
                    hidden={hidden}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {page.hasMore && last && olderHref ? (
        <Link
          href={olderHref(`${Math.floor(last.objectCreatedAt.getTime() / 1000)}.${last.id}`)}
          className="mt-3 inline-block text-sm font-medium text-brand-700 underline"
        >
          Older purchases
        </Link>
      ) : null}
    </Panel>
  );
}
