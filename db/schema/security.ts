import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One signed-in browser. The session cookie (a JWT) names its row; every request checks the row
 * is not revoked, so signing out everywhere, a password change or a 2FA reset ends it at once.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    ipAddress: text("ip_address"),
    createdAt: at("created_at").notNull().defaultNow(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    /** The last time the user proved who they are (sign-in or step-up): sensitive actions need it recent. */
    lastProofAt: at("last_proof_at").notNull().defaultNow(),
    revokedAt: at("revoked_at"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.createdAt)],
);

/** One-time codes that stand in for the authenticator app; only their hashes are kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: at("used_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** "Remember this device for 30 days": the cookie holds the row id and a secret whose hash is here. */
export const rememberedDevices = pgTable(
  "remembered_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    userAgent: text("user_agent"),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
  },
  (t) => [index("remembered_devices_user_idx").on(t.userId)],
);

/** A password-reset link: single use, short-lived, only the token's hash kept. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
  },
  (t) => [uniqueIndex("password_reset_tokens_hash_key").on(t.tokenHash)],
);

/** Every email the app sends, written first and delivered by the mailer (SMTP when SMTP_URL is set). */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    kind: text("kind").notNull(),
    /** The business an alert email is about (null: personal mail such as a password reset), so its outbox lists only its own. */
    businessId: uuid("business_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull().defaultNow(),
    sentAt: at("sent_at"),
  },
  (t) => [index("outbox_unsent_idx").on(t.sentAt, t.createdAt)],
);

export type UserSession = typeof userSessions.$inferSelect;
export type RememberedDevice = typeof rememberedDevices.$inferSelect;
