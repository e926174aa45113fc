import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { businesses, users } from "./core";

/**
 * Authorization rules: one row for the platform (business_id null) and at most one per business.
 * The engine applies the platform's first, then the business's, so a business can only tighten.
 */
export const authorizationRules = pgTable(
  "authorization_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id").references(() => businesses.id, { onDelete: "cascade" }),
    /** Stripe merchant category names (e.g. "gambling") that are declined. */
    blockedCategories: jsonb("blocked_categories").$type<string[]>().notNull().default([]),
    /** ISO country codes allowed; null means any country. */
    allowedCountries: jsonb("allowed_countries").$type<string[] | null>(),
    /** Largest single authorization, in minor units of `currency`; null means no maximum. */
    maxAmount: bigint("max_amount", { mode: "number" }),
    currency: text("currency").notNull().default("usd"),
    /** At most this many approvals per card in any rolling hour; null means no limit. */
    velocityPerHour: integer("velocity_per_hour"),
    /** Decline everything (a business's pause switch; on the platform row, every business). */
    killSwitch: boolean("kill_switch").notNull().default(false),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("authorization_rules_business_key").on(t.businessId),
    uniqueIndex("authorization_rules_platform_key")
      .on(sql`(1)`)
      .where(sql`${t.businessId} is null`),
  ],
);

/** Platform-wide settings of the real-time decision endpoint. Exactly one row (id = 1). */
export const decisionSettings = pgTable("decision_settings", {
  id: integer("id").primaryKey().default(1),
  /** What to answer when the engine itself fails or runs out of time. */
  fallback: text("fallback", { enum: ["approve", "decline"] })
    .notNull()
    .default("decline"),
  /** Time budget for a decision before the fallback is answered (Stripe waits 2 s). */
  budgetMs: integer("budget_ms").notNull().default(1200),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** Every real-time decision: what was asked, what we answered, which rule decided, how long it took. */
export const authorizationDecisions = pgTable(
  "authorization_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: text("event_id").notNull(),
    authorizationId: text("authorization_id").notNull(),
    accountId: text("account_id"),
    businessId: uuid("business_id"),
    cardId: text("card_id").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    merchantCategory: text("merchant_category"),
    merchantCountry: text("merchant_country"),
    approved: boolean("approved").notNull(),
    decidedBy: text("decided_by", { enum: ["platform", "business", "default", "fallback"] }).notNull(),
    rule: text("rule"),
    reason: text("reason").notNull(),
    latencyMs: integer("latency_ms").notNull(),
    input: jsonb("input").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("authorization_decisions_event_key").on(t.eventId),
    index("authorization_decisions_card_created_idx").on(t.cardId, t.createdAt),
    index("authorization_decisions_authorization_idx").on(t.authorizationId),
    index("authorization_decisions_business_created_idx").on(t.businessId, t.createdAt),
    index("authorization_decisions_created_idx").on(t.createdAt),
  ],
);

export type AuthorizationRuleRow = typeof authorizationRules.$inferSelect;
export type AuthorizationDecisionRow = typeof authorizationDecisions.$inferSelect;
