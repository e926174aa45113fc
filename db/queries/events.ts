import { and, desc, eq, like, lt, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { rowsFromJson } from "@/db/insert-many";
import { businesses, stripeEvents } from "@/db/schema";

/** A Stripe event as the event log stores it (unique by id). */
export type EventRow = typeof stripeEvents.$inferInsert & { id: string };

/** The event log's row for a v1 snapshot event (webhooks and real-time authorization requests alike). */
export function eventRow(event: Stripe.Event, now: Date): EventRow {
  const object = event.data.object as { id?: string };
  return {
    id: event.id,
    type: event.type,
    kind: "snapshot",
    account: event.account ?? null,
    objectId: object.id ?? null,
    eventCreatedAt: new Date(event.created * 1000),
    payload: event as unknown as Record<string, unknown>,
    receivedAt: now,
    appliedAt: now,
  };
}

/** Stores the event unless its id is logged already: false when it was (a redelivery). */
export async function insertEvent(db: DbOrTx, row: EventRow): Promise<boolean> {
  const [stored] = await db.insert(stripeEvents).values(row).onConflictDoNothing().returning({ id: stripeEvents.id });
  return !!stored;
}

/** Stores a batch of events, skipping ids already logged. */
export async function insertEvents(db: DbOrTx, rows: EventRow[]): Promise<void> {
  if (rows.length) await db.insert(stripeEvents).select(rowsFromJson(stripeEvents, rows)).onConflictDoNothing();
}

/** Records a replay's outcome: applied now, or the error it failed with. */
export async function recordReplay(
  db: DbOrTx,
  { eventId, error }: { eventId: string; error: string | null },
): Promise<void> {
  await db
    .update(stripeEvents)
    .set(error ? { error } : { appliedAt: new Date(), error: null })
    .where(eq(stripeEvents.id, eventId));
}

export async function isEventStored(db: DbOrTx, { eventId }: { eventId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(eq(stripeEvents.id, eventId))
    .limit(1);
  return !!row;
}

export const EVENTS_PAGE_SIZE = 50;

export type EventFilters = {
  type?: string;
  account?: string;
  status?: "applied" | "error" | "pending";
  before?: Cursor;
};

/**
 * A keyset cursor is the last row's (time, id), the time as Postgres keeps it, to the microsecond:
 * a JS Date keeps milliseconds, and rows later in the same millisecond would fall between pages.
 */
export type Cursor = { at: string; id: string };

export function encodeCursor(row: { cursorAt: string; id: string }): string {
  return `${row.cursorAt}_${row.id}`;
}

export function decodeCursor(s: string | undefined): Cursor | undefined {
  const m = s ? /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z)_(.+)$/.exec(s) : null;
  if (!m || Number.isNaN(Date.parse(m[1]!))) return undefined;
  return { at: m[1]!, id: m[2]! };
}

/** The column's time in UTC to the microsecond, for `encodeCursor`. */
export const cursorText = (col: AnyPgColumn) =>
  sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows after the cursor, newest first (the time goes as text: postgres.js refuses a Date in raw SQL). */
export function afterCursor(at: AnyPgColumn, id: AnyPgColumn, before: Cursor): SQL {
  const t = sql`${before.at}::timestamptz`;
  return or(lt(at, t), and(eq(at, t), lt(id, before.id)))!;
}

/**
 * Newest first, filtered by type ("issuing_card.updated", or a prefix ending in "." or "*") and
 * connected account; keyset pagination, so page 200 costs what page 1 does.
 */
export async function listEvents(db: DbOrTx, f: EventFilters) {
  const conds: SQL[] = [];
  if (f.type) {
    const prefix = f.type.endsWith("*") ? f.type.slice(0, -1) : f.type.endsWith(".") ? f.type : null;
    conds.push(
      prefix !== null
        ? like(stripeEvents.type, `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
        : eq(stripeEvents.type, f.type),
    );
  }
  if (f.account) conds.push(eq(stripeEvents.account, f.account));
  if (f.status === "error") conds.push(sql`${stripeEvents.error} is not null`);
  if (f.status === "applied") conds.push(sql`${stripeEvents.appliedAt} is not null`);
  if (f.status === "pending") conds.push(sql`${stripeEvents.appliedAt} is null and ${stripeEvents.error} is null`);
  if (f.before) conds.push(afterCursor(stripeEvents.receivedAt, stripeEvents.id, f.before));
  const rows = await db
    .select({
      id: stripeEvents.id,
      type: stripeEvents.type,
      kind: stripeEvents.kind,
      account: stripeEvents.account,
      objectId: stripeEvents.objectId,
      receivedAt: stripeEvents.receivedAt,
      cursorAt: cursorText(stripeEvents.receivedAt),
      appliedAt: stripeEvents.appliedAt,
      error: stripeEvents.error,
      business: businesses.legalName,
    })
    .from(stripeEvents)
    .leftJoin(businesses, eq(businesses.stripeAccountId, stripeEvents.account))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(stripeEvents.receivedAt), desc(stripeEvents.id))
    .limit(EVENTS_PAGE_SIZE + 1);
  const more = rows.length > EVENTS_PAGE_SIZE;
  const page = rows.slice(0, EVENTS_PAGE_SIZE);
  return { rows: page, next: more && page.length ? encodeCursor(page[page.length - 1]!) : null };
}

export async function getEvent(db: DbOrTx, { eventId }: { eventId: string }) {
  const [row] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, eventId)).limit(1);
  return row ?? null;
}
