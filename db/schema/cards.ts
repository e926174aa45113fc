import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { businesses, users } from "./core";

/**
 * A card that ends on a date of the business's choosing (Stripe has no such control): a scheduled
 * job cancels it once `cancelAt` has passed on the clock (the sandbox's in sandbox mode).
 */
export const cardSchedules = pgTable(
  "card_schedules",
  {
    cardId: text("card_id").primaryKey(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    cancelAt: timestamp("cancel_at", { withTimezone: true, mode: "date" }).notNull(),
    canceledAt: timestamp("canceled_at", { withTimezone: true, mode: "date" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("card_schedules_due_idx").on(t.cancelAt)],
);

export type CardSchedule = typeof cardSchedules.$inferSelect;
