import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businesses, users } from "./core";

/**
 * One row per money movement (and other Stripe writes that must happen once). The row is
 * written before Stripe is called; its idempotency key goes with every call, so a double click,
 * a retry or a second tab moves money once. `clientToken` comes from the form that asked.
 */
export const operations = pgTable(
  "operations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id").references(() => businesses.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    clientToken: text("client_token").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] })
      .notNull()
      .default("pending"),
    amount: bigint("amount", { mode: "number" }),
    currency: text("currency"),
    request: jsonb("request").$type<Record<string, unknown>>().notNull().default({}),
    stripeObjectId: text("stripe_object_id"),
    result: jsonb("result").$type<Record<string, unknown>>(),
    error: text("error"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("operations_client_token_key").on(t.kind, t.clientToken),
    index("operations_business_created_idx").on(t.businessId, t.createdAt),
  ],
);

export type OperationRow = typeof operations.$inferSelect;
