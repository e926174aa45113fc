import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { businesses, users } from "./core";

/**
 * Spend management (issue 17): receipts, categories, memos and review, the business's spend
 * policy, card requests, and in-app notifications. A "purchase" is a card authorization
 * (`iauth_…`): it exists from the moment of the purchase, and its captures name it.
 */
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const money = (name: string) => bigint(name, { mode: "number" });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * The current receipt of a purchase (a replacement overwrites it). Its bytes are here (`storage`
 * `db`) or in the S3-compatible bucket under `objectKey` (`s3`, when S3_URL is set).
 */
export const receipts = pgTable(
  "receipts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    authorizationId: text("authorization_id").notNull(),
    /** Read from the bytes, never from the file's name: application/pdf, image/jpeg, image/png, image/webp, image/heic. */
    contentType: text("content_type").notNull(),
    fileName: text("file_name").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storage: text("storage", { enum: ["db", "s3"] }).notNull(),
    objectKey: text("object_key"),
    bytes: bytea("bytes"),
    /** Where it came from: an upload, or Stripe's `purchase_details.receipt`. */
    source: text("source", { enum: ["upload", "stripe"] })
      .notNull()
      .default("upload"),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("receipts_purchase_idx").on(t.businessId, t.authorizationId)],
);

/** A business's expense categories (a default set at first use; owners edit). */
export const expenseCategories = pgTable(
  "expense_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Stripe merchant categories (`fast_food_restaurants`) that suggest this category. */
    merchantCategories: text("merchant_categories").array().notNull().default([]),
    archived: boolean("archived").notNull().default(false),
    position: integer("position").notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("expense_categories_name_idx").on(t.businessId, t.name)],
);

/** What the business says of a purchase: its category, memo, and review status. */
export const purchaseNotes = pgTable(
  "purchase_notes",
  {
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    authorizationId: text("authorization_id").notNull(),
    categoryId: uuid("category_id").references(() => expenseCategories.id, { onDelete: "set null" }),
    memo: text("memo"),
    reviewStatus: text("review_status", { enum: ["to_review", "approved", "flagged"] })
      .notNull()
      .default("to_review"),
    reviewedBy: uuid("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: at("reviewed_at"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.authorizationId] }),
    index("purchase_notes_review_idx").on(t.businessId, t.reviewStatus),
  ],
);

/** The owner's spend policy: receipts, the freeze for missing ones, the low-balance alert. */
export const spendPolicies = pgTable("spend_policies", {
  businessId: uuid("business_id")
    .primaryKey()
    .references(() => businesses.id, { onDelete: "cascade" }),
  /** A receipt is required for purchases above this amount (minor units of the card currency); null: never. */
  receiptRequiredAbove: money("receipt_required_above"),
  /** A cardholder's cards are frozen once a required receipt is this many days late; null: never. */
  freezeAfterDays: integer("freeze_after_days"),
  /** Alert owners when the available balance falls below this (minor units); null: no alert. */
  lowBalanceThreshold: money("low_balance_threshold"),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** Cards the missing-receipt policy froze, so an upload unfreezes exactly those. */
export const receiptFreezes = pgTable(
  "receipt_freezes",
  {
    cardId: text("card_id").primaryKey(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    cardholderId: text("cardholder_id").notNull(),
    frozenAt: at("frozen_at").notNull().defaultNow(),
    releasedAt: at("released_at"),
  },
  (t) => [index("receipt_freezes_holder_idx").on(t.businessId, t.cardholderId)],
);

/** A request for a new card or a higher limit, decided by an owner or admin. */
export const cardRequests = pgTable(
  "card_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    businessId: uuid("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["new_card", "limit_increase"] }).notNull(),
    /** The card whose limit should rise (limit_increase), or the card created on approval (new_card). */
    cardId: text("card_id"),
    cardholderId: text("cardholder_id"),
    cardType: text("card_type", { enum: ["virtual", "physical"] }),
    /** Where a requested physical card ships (the requester gives it; approval orders the card there). */
    shipping: jsonb("shipping").$type<RequestedShipping>(),
    purpose: text("purpose").notNull(),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    interval: text("interval").notNull(),
    status: text("status", { enum: ["pending", "approved", "declined", "canceled"] })
      .notNull()
      .default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: at("decided_at"),
    /** Set while an approval's Stripe call is under way: the request can't be canceled or declined meanwhile. */
    approvingSince: at("approving_since"),
    declineReason: text("decline_reason"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("card_requests_business_idx").on(t.businessId, t.status, t.createdAt)],
);

export type RequestedShipping = {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  state?: string;
  postalCode: string;
  country: string;
  service: "standard" | "express" | "priority";
};

/** In-app notifications; `dedupeKey` makes each alert once (a redelivered webhook adds nothing). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    businessId: uuid("business_id").references(() => businesses.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    dedupeKey: text("dedupe_key").notNull(),
    readAt: at("read_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_idx").on(t.userId, t.dedupeKey),
    index("notifications_unread_idx").on(t.userId, t.readAt, t.createdAt),
  ],
);

export type Receipt = typeof receipts.$inferSelect;
export type ExpenseCategory = typeof expenseCategories.$inferSelect;
export type PurchaseNote = typeof purchaseNotes.$inferSelect;
export type SpendPolicy = typeof spendPolicies.$inferSelect;
export type CardRequest = typeof cardRequests.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
