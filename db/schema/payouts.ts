import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businesses, users } from "./core";

/**
 * Where a business can send USDC: its own crypto wallets and bank accounts, each backed by a
 * Stripe payout method set up with a v2 OutboundSetupIntent. Full bank numbers are never kept.
 */
export const payoutDestinations = pgTable(
  "payout_destinations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["crypto_wallet", "bank_account"] }).notNull(),
    label: text("label").notNull(),
    /** Crypto network (polygon, solana, …); null for bank accounts. */
    network: text("network"),
    /** The wallet address, or a masked account number ("•••• 6789") for banks. */
    address: text("address").notNull(),
    memo: text("memo"),
    /** What the destination receives: usdc for wallets; usd, mxn or eur for banks. */
    currency: text("currency").notNull(),
    bankCountry: text("bank_country"),
    payoutMethodId: text("payout_method_id").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    archived: boolean("archived").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("payout_destinations_method_key").on(t.businessId, t.payoutMethodId), index("payout_destinations_business_idx").on(t.businessId, t.createdAt)],
);

export type PayoutDestination = typeof payoutDestinations.$inferSelect;
