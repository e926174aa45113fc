import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./core";

/**
 * An invitation for another platform admin. Only a SHA-256 hash of the random token is kept, so a
 * leaked database can't be turned into admin sign-ups; an invite works once and until it expires.
 */
export const adminInvites = pgTable(
  "admin_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("admin_invites_token_hash_key").on(t.tokenHash),
    index("admin_invites_created_idx").on(t.createdAt),
  ],
);

export type AdminInviteRow = typeof adminInvites.$inferSelect;
