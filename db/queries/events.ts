import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/connect";
import { stripeEvents } from "@/db/schema";

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

export async function isEventStored(db: DbOrTx, { eventId }: { eventId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(eq(stripeEvents.id, eventId))
    .limit(1);
  return !!row;
}
