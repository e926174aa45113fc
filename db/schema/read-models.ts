import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { businesses } from "./core";

// Read models: the app's own copy of Stripe objects, kept in step by webhooks (and rebuilt by
// `npm run reconcile`). Lists and analytics read these, never Stripe per row. `sourceAt` is the
// time of the event (or API read) that produced the row: an older event never overwrites it.
const sourceAt = () => timestamp("source_at", { withTimezone: true, mode: "date" }).notNull();
const objectCreated = () => timestamp("object_created_at", { withTimezone: true, mode: "date" }).notNull();
const money = (name: string) => bigint(name, { mode: "number" });

export const connectedAccounts = pgTable(
  "connected_accounts",
  {
    id: text("id").primaryKey(),
    businessId: uuid("business_id").references(() => businesses.id, { onDelete: "set null" }),
    api: text("api", { enum: ["v1", "v2"] }).notNull(),
    country: text("country"),
    email: text("email"),
    displayName: text("display_name"),
    capabilities: jsonb("capabilities").$type<Record<string, string>>().notNull().default({}),
    requirementsDue: jsonb("requirements_due").$type<string[]>().notNull().default([]),
    requirementsPastDue: jsonb("requirements_past_due").$type<string[]>().notNull().default([]),
    requirementsDeadline: timestamp("requirements_deadline", { withTimezone: true, mode: "date" }),
    disabledReason: text("disabled_reason"),
    detailsSubmitted: boolean("details_submitted").notNull().default(false),
    objectCreatedAt: objectCreated(),
    sourceAt: sourceAt(),
  },
  (t) => [
    index("connected_accounts_business_idx").on(t.businessId),
    // The admin accounts table's filters and email search.
    index("connected_accounts_needs_review_idx")
      .on(t.id)
      .where(
        sql`${t.requirementsDue} <> '[]'::jsonb or ${t.requirementsPastDue} <> '[]'::jsonb or ${t.disabledReason} is not null`,
      ),
    index("connected_accounts_restricted_idx")
      .on(t.id)
      .where(sql`${t.disabledReason} is not null`),
    index("connected_accounts_lower_email_pattern_idx").on(sql`lower(${t.email}) text_pattern_ops`),
    index("connected_accounts_deadline_idx").on(t.requirementsDeadline),
  ],
);

export const financialAccounts = pgTable(
  "financial_accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    api: text("api", { enum: ["v1", "v2"] }).notNull(),
    status: text("status").notNull(),
    /** Per currency: { usd: { available, inbound_pending, outbound_pending } } in minor units. */
    balances: jsonb("balances")
      .$type<Record<string, { available: number; inbound_pending: number; outbound_pending: number }>>()
      .notNull()
      .default({}),
    objectCreatedAt: objectCreated(),
    sourceAt: sourceAt(),
  },
  (t) => [index("financial_accounts_account_idx").on(t.accountId)],
);

export const cardholders = pgTable(
  "cardholders",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    type: text("type").notNull(),
    status: text("status").notNull(),
    requirementsPastDue: jsonb("requirements_past_due").$type<string[]>().notNull().default([]),
    disabledReason: text("disabled_reason"),
    objectCreatedAt: objectCreated(),
    sourceAt: sourceAt(),
  },
  (t) => [index("cardholders_account_idx").on(t.accountId, t.objectCreatedAt)],
);

export const cards = pgTable(
  "cards",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    cardholderId: text("cardholder_id").notNull(),
    type: text("type").notNull(),
    status: text("status").notNull(),
    brand: text("brand"),
    last4: text("last4").notNull(),
    expMonth: integer("exp_month").notNull(),
    expYear: integer("exp_year").notNull(),
    currency: text("currency").notNull(),
    financialAccount: text("financial_account"),
    /** The v2 financial account (USDC wallet) a stablecoin card spends, when the card says so (`financial_account_v2`). */
    financialAccountV2: text("financial_account_v2"),
    spendingControls: jsonb("spending_controls").$type<Record<string, unknown>>().notNull().default({}),
    /** Stripe's `shipping` of a physical card (address, service, status, carrier, tracking, eta), null for virtual. */
    shipping: jsonb("shipping").$type<Record<string, unknown>>(),
    replacementFor: text("replacement_for"),
    replacementReason: text("replacement_reason"),
    cancellationReason: text("cancellation_reason"),
    personalizationDesign: text("personalization_design"),
    latestFraudWarning: jsonb("latest_fraud_warning").$type<Record<string, unknown>>(),
    /** `lifecycle_controls.cancel_after.payment_count`: a single- or n-use card. */
    cancelAfterPayments: integer("cancel_after_payments"),
    objectCreatedAt: objectCreated(),
    sourceAt: sourceAt(),
  },
  (t) => [
    index("cards_account_idx").on(t.accountId, t.objectCreatedAt),
    index("cards_cardholder_idx").on(t.cardholderId),
    index("cards_replacement_for_idx").on(t.replacementFor),
  ],
);

export const authorizations = pgTable(
  "authorizations",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    cardId: text("card_id").notNull(),
    cardholderId: text("cardholder_id"),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    merchantAmount: money("merchant_amount").notNull(),
    merchantCurrency: text("merchant_currency").notNull(),
    merchantName: text("merchant_name"),
    merchantCategory: text("merchant_category"),
    merchantCountry: text("merchant_country"),
    status: text("status").notNull(),
    approved: boolean("approved").notNull(),
    /** Stripe's reason for the last decision (request_history), when it declined. */
    declineReason: text("decline_reason"),
    /** Stripe's `request_history` (each decision with its reason) and `verification_data` checks, for explaining declines. */
    requestHistory: jsonb("request_history").$type<Array<Record<string, unknown>>>().notNull().default([]),
    verificationData: jsonb("verification_data").$type<Record<string, unknown>>(),
    objectCreatedAt: objectCreated(),
    sourceAt: sourceAt(),
  },
  (t) => [
    index("authorizations_account_idx").on(t.accountId, t.objectCreatedAt),
    index("authorizations_card_idx").on(t.cardId, t.objectCreatedAt),
  ],
);

export const issuingTransactions = pgTable(
  "issuing_transactions",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    cardId: text("card_id").notNull(),
    authorizationId: text("authorization_id"),
    type: text("type").notNull(),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    merchantName: text("merchant_name"),
    merchantCategory: text("merchant_category"),
    objectCreatedAt: objectCreated(),
    sourceAt: sourceAt(),
  },
  (t) => [
    index("issuing_transactions_account_idx").on(t.accountId, t.objectCreatedAt),
    index("issuing_transactions_card_idx").on(t.cardId),
  ],
);

export const disputes = pgTable(
  "disputes",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    transactionId: text("transaction_id"),
    cardId: text("card_id"),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status").notNull(),
    reason: text("reason"),
    /** Stripe's `evidence` (the reason's explanation and file ids). */
    evidence: jsonb("evidence").$type<Record<string, unknown>>().notNull().default({}),
    objectCreatedAt: objectCreated(),
    sourceAt: sourceAt(),
  },
  (t) => [
    index("disputes_account_idx").on(t.accountId, t.objectCreatedAt),
    index("disputes_transaction_idx").on(t.transactionId),
  ],
);

/** Digital-wallet tokens of a card (`/v1/issuing/tokens`: Apple Pay, Google Pay…). */
export const issuingTokens = pgTable(
  "issuing_tokens",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    cardId: text("card_id").notNull(),
    status: text("status").notNull(),
    walletProvider: text("wallet_provider"),
    deviceType: text("device_type"),
    last4: text("last4"),
    objectCreatedAt: objectCreated(),
    sourceAt: sourceAt(),
  },
  (t) => [index("issuing_tokens_card_idx").on(t.cardId, t.objectCreatedAt)],
);

/** Money leaving an account: Treasury outbound payments/transfers and v2 outbound payments/transfers. */
export const payouts = pgTable(
  "payouts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    kind: text("kind").notNull(),
    financialAccount: text("financial_account"),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status").notNull(),
    destination: text("destination"),
    objectCreatedAt: objectCreated(),
    sourceAt: sourceAt(),
  },
  (t) => [index("payouts_account_idx").on(t.accountId, t.objectCreatedAt)],
);

/** Ledger lines of a financial account (v1 Treasury or v2 money management transactions). */
export const moneyTransactions = pgTable(
  "money_transactions",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    financialAccount: text("financial_account").notNull(),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    flowType: text("flow_type").notNull(),
    status: text("status").notNull(),
    description: text("description"),
    objectCreatedAt: objectCreated(),
    sourceAt: sourceAt(),
  },
  (t) => [
    index("money_transactions_fa_idx").on(t.financialAccount, t.objectCreatedAt),
    index("money_transactions_account_idx").on(t.accountId, t.objectCreatedAt),
  ],
);
