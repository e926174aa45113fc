import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businesses, users } from "./core";

/**
 * An invitation to join a business. Only a hash of the token is kept: the link is shown to the
 * owner once, so a leaked database can't be used to join anyone's business.
 */
export const businessInvites = pgTable(
  "business_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: ["admin", "member", "cardholder"] }).notNull(),
    /** For a `cardholder` invite: the Issuing cardholder the invitee becomes (created or linked when inviting). */
    cardholderId: text("cardholder_id"),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("business_invites_token_hash_key").on(t.tokenHash),
    // One open invite per email per business; re-inviting revokes the old one first.
    uniqueIndex("business_invites_open_email_key")
      .on(t.businessId, sql`lower(${t.email})`)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index("business_invites_business_idx").on(t.businessId, t.createdAt),
  ],
);

export type BusinessInvite = typeof businessInvites.$inferSelect;
