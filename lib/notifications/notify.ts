import type { DbOrTx } from "@/db/connect";
import { emailsFor, insertNotifications } from "@/db/queries/notifications";
import { configuredAppUrl } from "@/lib/config";
import { sendEmail, type MailOptions } from "@/lib/mail/send";

export const NOTIFICATION_KINDS = [
  "purchase_declined",
  "low_balance",
  "requirements_due",
  "payout_failed",
  "card_shipping",
  "card_request",
  "card_request_decided",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type Notice = {
  userIds: readonly string[];
  businessId: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  /** An in-app path (`/cards/ic_…`); the email shows it as a full link when APP_URL is set. */
  link?: string | null;
  /** The same key for the same user makes nothing new: a redelivered or replayed webhook adds no alert. */
  dedupeKey: string;
  email?: boolean;
};

function emailText(n: Notice): string {
  const base = configuredAppUrl();
  const link = n.link ? (base ? new URL(n.link, base).toString() : n.link) : null;
  return [n.body, link ? `\nOpen it: ${link}` : "", "\n\nYou get this email because of your role in the business."]
    .filter(Boolean)
    .join("");
}

/**
 * The one way the app alerts people: one in-app row per user (once per dedupe key) and, when
 * `email` is set, one email per row actually inserted (so a repeat sends nothing either) to each
 * user who has not switched that kind off (`/notifications`, "Email me when…").
 * Inside a transaction, call it within `mailAfterCommit` (as the webhook receivers do) so the
 * emails are only written to the outbox there and delivered once the transaction commits.
 * Answers the users newly notified.
 */
export async function notify(db: DbOrTx, n: Notice, mail: MailOptions = {}): Promise<string[]> {
  const userIds = [...new Set(n.userIds)];
  const inserted = await insertNotifications(
    db,
    userIds.map((userId) => ({
      userId,
      businessId: n.businessId,
      kind: n.kind,
      title: n.title.slice(0, 200),
      body: n.body.slice(0, 2000),
      link: n.link ?? null,
      dedupeKey: n.dedupeKey,
    })),
  );
  const fresh = inserted.map((r) => r.userId);
  if (n.email && fresh.length > 0) {
    // Those who switched this kind off by email still get the in-app row above.
    const emails = await emailsFor(db, fresh, n.kind);
    for (const userId of fresh) {
      const to = emails.get(userId);
      if (!to) continue;
      const email = { to, subject: n.title, text: emailText(n), kind: `notify.${n.kind}`, businessId: n.businessId };
      await sendEmail(db, email, mail);
    }
  }
  return fresh;
}
