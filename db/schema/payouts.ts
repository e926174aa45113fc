import { bigint, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
  (t) => [
    uniqueIndex("payout_destinations_method_key").on(t.businessId, t.payoutMethodId),
    index("payout_destinations_business_idx").on(t.businessId, t.createdAt),
  ],
);

export type PayoutDestination = typeof payoutDestinations.$inferSelect;

/**
 * The USDC wallet's history: one row per v2 money-management transaction on the business's
 * financial account, with what the app adds (the USD the platform debited for a funding, the
 * payout it belongs to). Synced from Stripe; the list and CSV export read only this table.
 */
export const walletEntries = pgTable(
  "wallet_entries",
  {
    id: text("id").primaryKey(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    financialAccount: text("financial_account").notNull(),
    kind: text("kind", {
      enum: ["funding", "card_spending", "card_refund", "payout", "payout_return", "deposit", "other"],
    }).notNull(),
    /** Signed minor units of `currency` (usdc): positive in, negative out. */
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    /** What the other side moved, when it differs (a funding's USD debited from the platform). */
    counterAmount: bigint("counter_amount", { mode: "number" }),
    counterCurrency: text("counter_currency"),
    status: text("status").notNull(),
    flowType: text("flow_type").notNull(),
    flowId: text("flow_id"),
    description: text("description"),
    objectCreatedAt: timestamp("object_created_at", { withTimezone: true, mode: "date" }).notNull(),
    syncedAt: timestamp("synced_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("wallet_entries_business_created_idx").on(t.businessId, t.objectCreatedAt),
    index("wallet_entries_flow_idx").on(t.flowId),
  ],
);

export type WalletEntry = typeof walletEntries.$inferSelect;
export const WALLET_ENTRY_KINDS = [
  "funding",
  "card_spending",
  "card_refund",
  "payout",
  "payout_return",
  "deposit",
  "other",
] as const;
