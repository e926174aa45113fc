import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

/** People who can sign in. `platformRole` is set only for the platform's own staff. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    platformRole: text("platform_role", { enum: ["platform_admin"] }),
    /** The TOTP secret, encrypted with a key derived from AUTH_SECRET (lib/auth/two-factor). */
    totpSecret: text("totp_secret"),
    /** Set once the user proved a code from the secret: two-factor sign-in is on. */
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true, mode: "date" }),
    /** The alert kinds this person switched off by email (lib/notifications/email-choices): a new kind starts on. */
    emailAlertsOff: text("email_alerts_off").array().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

/** A business customer of the platform: one connected account. */
export const businesses = pgTable(
  "businesses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    legalName: text("legal_name").notNull(),
    country: text("country").notNull(),
    businessType: text("business_type", {
      enum: ["company", "individual", "non_profit", "government_entity"],
    }).notNull(),
    fundingModel: text("funding_model", { enum: ["treasury", "stablecoin", "issuing_balance"] }).notNull(),
    stripeAccountId: text("stripe_account_id"),
    /** The business's financial account (v1 Treasury `fa_…` for US, v2 storage for MX/AR), once created. */
    financialAccountId: text("financial_account_id"),
    contactEmail: text("contact_email"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("businesses_stripe_account_id_key").on(t.stripeAccountId),
    // The admin accounts table: sorted by name, name and email prefixes (pattern ops work in any collation), newest first.
    index("businesses_lower_name_idx").on(sql`lower(${t.legalName})`),
    index("businesses_lower_name_pattern_idx").on(sql`lower(${t.legalName}) text_pattern_ops`),
    index("businesses_lower_email_pattern_idx").on(sql`lower(${t.contactEmail}) text_pattern_ops`),
    index("businesses_created_idx").on(t.createdAt),
    index("businesses_country_idx").on(t.country, t.fundingModel),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "admin", "member", "cardholder"] }).notNull(),
    /** The Issuing cardholder (`ich_…`) a `cardholder` member is: they see that cardholder's cards only. */
    cardholderId: text("cardholder_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_business_key").on(t.userId, t.businessId),
    index("memberships_business_idx").on(t.businessId),
  ],
);

/** Failed sign-ins, kept in the database so every app instance sees the same rate limit. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    /** The client address the attempt came from (`clientAddress` in lib/security/request.ts). */
    ipAddress: text("ip_address"),
    createdAt: createdAt(),
  },
  (t) => [
    index("sign_in_failures_email_created_idx").on(t.email, t.createdAt),
    index("sign_in_failures_ip_created_idx").on(t.ipAddress, t.createdAt),
  ],
);

/** Every money, card, permission and sign-in change, with who did it. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    businessId: uuid("business_id").references(() => businesses.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    target: text("target"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_business_created_idx").on(t.businessId, t.createdAt)],
);

/** Small key/value facts about this installation (for example that demo data was seeded). */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
export type Business = typeof businesses.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type MembershipRole = Membership["role"];
export type FundingModel = Business["fundingModel"];
