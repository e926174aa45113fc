import { NewerOlder } from "@/components/ui/newer-older";
import { Panel } from "@/components/ui/panel";
import type { OutboxEntry } from "@/db/queries/business-outbox";
import { MAX_ATTEMPTS } from "@/lib/mail/send";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function status(e: OutboxEntry): string {
  if (e.sentAt) return "Sent";
  const tries = `${e.attempts} attempt${e.attempts === 1 ? "" : "s"}`;
  if (e.failed) return e.attempts >= MAX_ATTEMPTS ? `Failed (${tries}, given up)` : `Failed (${tries}, will retry)`;
  return "Waiting";
}

/**
 * What the app emailed this business's people (the sandbox's mailbox received it), newest first.
 * Bodies come only as the query allows: alerts, and the viewer's own mail.
 */
export function OutboxPanel({
  rows,
  page,
  pages,
  pageHref,
}: {
  rows: OutboxEntry[];
  page: number;
  pages: number;
  pageHref: (page: number) => string;
}) {
  // Paging lands back on this panel (#outbox), not at the top of the tools page.
  return (
    <div id="outbox" className="scroll-mt-4">
      <Panel title="Emails sent (outbox)" data-testid="outbox">
        <p className="mt-1 text-sm text-slate-600">
          What the app emailed your team (alerts and password resets), newest first.
        </p>
        {rows.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500" data-testid="outbox-empty">
            No emails yet. A declined purchase (simulate one above) emails its cardholder.
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 text-sm">
            {rows.map((e) => (
              <li key={e.id} className="space-y-1 py-2" data-testid="outbox-email" data-kind={e.kind}>
                <p className="font-medium">{e.subject}</p>
                <p className="text-slate-600">
                  To {e.to} · {when.format(e.createdAt)} UTC · <span className="font-mono text-xs">{e.kind}</span> ·{" "}
                  <span data-testid="outbox-status">{status(e)}</span>
                </p>
                {e.body === null ? (
                  <p className="text-xs text-slate-500">
                    The body is hidden: it holds a private link for its recipient.
                  </p>
                ) : (
                  <details>
                    <summary className="cursor-pointer text-xs text-slate-600">Show the email</summary>
                    <pre className="mt-1 whitespace-pre-wrap rounded-md bg-slate-50 p-2 text-xs">{e.body}</pre>
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
        <NewerOlder page={page} pages={pages} href={pageHref} label="Outbox pages" className="mt-3" />
      </Panel>
    </div>
  );
}
