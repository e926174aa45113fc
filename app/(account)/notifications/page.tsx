import type { Metadata } from "next";
import Link from "next/link";
import { EmailChoicesForm } from "@/components/notifications/email-choices-form";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { ThresholdForm } from "@/components/notifications/threshold-form";
import { NewerOlder, pageParam } from "@/components/ui/newer-older";
import { getDb } from "@/db";
import { countNotifications, emailAlertsOff, listNotifications, lowBalanceThreshold } from "@/db/queries/notifications";
import { can } from "@/lib/auth/permissions";
import { requireViewer, resolveBusinessContext } from "@/lib/auth/session";
import { balanceCurrencyFor } from "@/lib/funding-model";
import { formatDecimal } from "@/lib/money";
import { EMAIL_CHOICES, kindsOn } from "@/lib/notifications/email-choices";
import { markAllReadAction, markReadAction, setEmailChoicesAction, setLowBalanceThresholdAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const PAGE_SIZE = 20;
const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * The signed-in person's notifications, newest first, a page at a time; they choose which are
 * emailed, and owners set the low-balance alert here.
 */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireViewer();
  const db = getDb();
  const page = pageParam((await searchParams).page);
  const userId = viewer.user.id;
  const [rows, total, ctx, off] = await Promise.all([
    listNotifications(db, { userId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countNotifications(db, { userId }),
    resolveBusinessContext(viewer),
    emailAlertsOff(db, { userId }),
  ]);
  const owner = ctx && can(ctx.role, "business.manage") ? ctx : null;
  const currency = owner ? balanceCurrencyFor(owner.business.country) : "usd";
  const threshold = owner ? await lowBalanceThreshold(db, { businessId: owner.business.id }) : null;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Notifications</h1>
          <p className="mt-1 text-sm text-slate-600">
            Declined purchases, card requests, shipping, payouts and your account&apos;s requirements, newest first.
          </p>
        </div>
        {rows.some((r) => !r.readAt) ? (
          <MarkReadButton action={markAllReadAction} label="Mark all read" testId="mark-all-read" />
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p
          className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600"
          data-testid="no-notifications"
        >
          Nothing yet. Alerts about your cards and your business appear here and in the bell at the top.
        </p>
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
          data-testid="notifications"
        >
          {rows.map((n) => (
            <li
              key={n.id}
              className={`flex flex-wrap items-start justify-between gap-3 p-4 ${n.readAt ? "" : "bg-brand-50/40"}`}
              data-testid="notification"
              data-kind={n.kind}
              data-read={n.readAt ? "true" : "false"}
            >
              <div className="min-w-0 space-y-1">
                <p className="font-medium">
                  {n.readAt ? null : <span className="sr-only">Unread: </span>}
                  {n.link ? (
                    <Link href={n.link} className="hover:underline">
                      {n.title}
                    </Link>
                  ) : (
                    n.title
                  )}
                </p>
                <p className="text-sm text-slate-600">{n.body}</p>
                <p className="text-xs text-slate-500">{when.format(n.createdAt)} UTC</p>
              </div>
              {n.readAt ? null : (
                <MarkReadButton action={markReadAction} fields={{ notification: n.id }} label="Mark read" />
              )}
            </li>
          ))}
        </ul>
      )}
      <NewerOlder page={page} pages={pages} href={(p) => `/notifications?page=${p}`} />
      <section aria-labelledby="email-choices" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="email-choices" className="text-lg font-semibold">
          Alert emails
        </h2>
        <EmailChoicesForm action={setEmailChoicesAction} choices={EMAIL_CHOICES} on={kindsOn(off)} />
      </section>
      {owner ? (
        <section aria-labelledby="low-balance" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="low-balance" className="text-lg font-semibold">
            Low-balance alert for {owner.business.legalName}
          </h2>
          <ThresholdForm
            action={setLowBalanceThresholdAction}
            currency={currency}
            current={threshold === null ? "" : formatDecimal(threshold, currency)}
          />
        </section>
      ) : null}
    </section>
  );
}
