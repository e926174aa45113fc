import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Every webhook event received, stored once (the Stripe event id is the key). */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    kind: text("kind", { enum: ["snapshot", "thin"] }).notNull(),
    account: text("account"),
    objectId: text("object_id"),
    eventCreatedAt: timestamp("event_created_at", { withTimezone: true, mode: "date" }).notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    appliedAt: timestamp("applied_at", { withTimezone: true, mode: "date" }),
    /** Set when applying failed for a reason a retry would not fix (a bug, an unexpected shape). */
    error: text("error"),
  },
  (t) => [
    index("stripe_events_type_created_idx").on(t.type, t.eventCreatedAt),
    index("stripe_events_account_created_idx").on(t.account, t.eventCreatedAt),
    index("stripe_events_received_idx").on(t.receivedAt),
  ],
);

export type StripeEventRow = typeof stripeEvents.$inferSelect;
