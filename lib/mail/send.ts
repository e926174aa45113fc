// Not `server-only`: webhooks apply events (and so send alerts) outside Next.js too: the seed, scripts, test instances.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db, DbOrTx, Tx } from "@/db/connect";
import {
  claimOutboxAttempt,
  insertOutbox,
  listUnsent,
  listUnsentByIds,
  markOutboxSent,
  recordOutboxError,
  type NewEmail,
  type OutboxRow,
} from "@/db/queries/outbox";
import { mailFrom, smtpUrl } from "@/lib/config";
import { smtpDeliver, type Deliver } from "./transport";

/** A row is tried this many times at most, and not after a day (its links have long expired). */
export const MAX_ATTEMPTS = 5;
const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Rows younger than this are left to the request that wrote them (it is sending them now). */
const RETRY_AFTER_MS = 60 * 1000;
/** How many old rows one `sendEmail` retries before its own, so a backlog never stalls a request. */
const RETRIES_PER_SEND = 3;

export type MailOptions = { smtpUrl?: string | null; now?: () => Date };
export type SendResult = { id: string; sent: boolean };

let warnedNoSmtp = false;

/** The transport, or null (said once in the server log) when no SMTP server is configured. */
function transportFor(opts: MailOptions): Deliver | null {
  const url = opts.smtpUrl === undefined ? smtpUrl() : opts.smtpUrl;
  if (url) return smtpDeliver(url);
  if (!warnedNoSmtp) {
    warnedNoSmtp = true;
    console.warn("mail: SMTP_URL is not set, so emails stay queued in the outbox table and are not delivered");
  }
  return null;
}

/** The error's own message only (never the message body, which holds secret links), kept short. */
function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, 500);
}

/** A failed query's driver error: drizzle's own message lists the query's parameters, the body among them. */
function describeDbError(err: unknown): string {
  const cause = err instanceof Error ? err.cause : undefined;
  return cause instanceof Error ? describeError(cause) : "database error";
}

/** One attempt at one row; never throws. */
async function attempt(db: DbOrTx, row: OutboxRow, deliver: Deliver, now: () => Date): Promise<boolean> {
  try {
    if (!(await claimOutboxAttempt(db, { id: row.id, attempts: row.attempts }))) return false;
    try {
      await deliver({ from: mailFrom(), to: row.to, subject: row.subject, text: row.text });
    } catch (err) {
      await recordOutboxError(db, { id: row.id, error: describeError(err) });
      console.error(`mail: delivery of ${row.kind} ${row.id} failed: ${describeError(err)}`);
      return false;
    }
    await markOutboxSent(db, { id: row.id, at: now() });
    return true;
  } catch (err) {
    console.error(`mail: outbox row ${row.id} could not be updated: ${describeDbError(err)}`);
    return false;
  }
}

/** Retries unsent rows (a few at a time, oldest first); answers how many were delivered now. */
export async function deliverPending(db: DbOrTx, opts: MailOptions & { limit?: number } = {}): Promise<number> {
  const deliver = transportFor(opts);
  if (!deliver) return 0;
  const now = opts.now ?? (() => new Date());
  const t = now().getTime();
  let rows: OutboxRow[];
  try {
    rows = await listUnsent(db, {
      maxAttempts: MAX_ATTEMPTS,
      since: new Date(t - RETRY_WINDOW_MS),
      before: new Date(t - RETRY_AFTER_MS),
      limit: opts.limit ?? 20,
    });
  } catch (err) {
    console.error(`mail: the outbox could not be read: ${describeDbError(err)}`);
    return 0;
  }
  let sent = 0;
  for (const row of rows) if (await attempt(db, row, deliver, now)) sent++;
  return sent;
}

/** The outbox rows written inside `mailAfterCommit`'s transaction, held for delivery until it has committed. */
const held = new AsyncLocalStorage<string[]>();

/**
 * Runs `body` in a transaction on `db`, holding back the emails written in it, and delivers them
 * only once it has committed: no SMTP conversation holds the transaction open, and a transaction
 * rolled back (its outbox rows with it) sends nothing. Inside another such call, the outer one
 * delivers. Delivery never throws; what fails stays in the outbox for a retry.
 */
export async function mailAfterCommit<T>(db: Db, body: (tx: Tx) => Promise<T>, opts: MailOptions = {}): Promise<T> {
  const run = () => db.transaction(body);
  if (held.getStore()) return run();
  const ids: string[] = [];
  const result = await held.run(ids, run);
  await deliverQueued(db, ids, opts);
  return result;
}

/** Delivers these unsent rows now, then retries a few older ones; answers how many of these were sent. */
async function deliverQueued(db: DbOrTx, ids: string[], opts: MailOptions): Promise<number> {
  if (ids.length === 0) return 0;
  const deliver = transportFor(opts);
  if (!deliver) return 0;
  let rows: OutboxRow[];
  try {
    rows = await listUnsentByIds(db, { ids });
  } catch (err) {
    console.error(`mail: the outbox could not be read: ${describeDbError(err)}`);
    return 0;
  }
  let sent = 0;
  for (const row of rows) if (await attempt(db, row, deliver, opts.now ?? (() => new Date()))) sent++;
  await deliverPending(db, { ...opts, limit: RETRIES_PER_SEND });
  return sent;
}

/**
 * Writes the email to the outbox, delivers it, then retries a few older unsent ones (after its
 * own, so a fresh reset link never waits behind a backlog). Inside `mailAfterCommit` it only
 * writes the row (`sent: false`), delivered once the work has finished. Never throws: an email
 * that can't be sent now stays in the outbox with its error, for a later retry.
 */
export async function sendEmail(db: DbOrTx, email: NewEmail, opts: MailOptions = {}): Promise<SendResult | null> {
  let row: OutboxRow;
  try {
    row = await insertOutbox(db, email);
  } catch (err) {
    console.error(`mail: a ${email.kind} email could not be queued: ${describeDbError(err)}`);
    return null;
  }
  const holding = held.getStore();
  if (holding) {
    holding.push(row.id);
    return { id: row.id, sent: false };
  }
  const sent = (await deliverQueued(db, [row.id], opts)) === 1;
  return { id: row.id, sent };
}
