// No "server-only": the start script, the configuration doctor and tests read this too.
import Stripe from "stripe";

/**
 * The three receivers Stripe is set up with, each verifying with its own signing secret: what a
 * Stripe account must register so the app gets what it applies (README "Running against Stripe",
 * `npm run stripe:doctor`, and the sandbox's start-up flags all follow this).
 */

/** The v1 API version the app reads objects at: the one the `stripe` SDK pins (2026-10-28.endive for stripe@23.1.0). */
export const V1_API_VERSION: string = Stripe.API_VERSION;

/**
 * v1 events `lib/events/apply.ts` applies: accounts and capabilities; Issuing cardholders, cards,
 * authorizations, transactions, disputes and digital-wallet tokens; Treasury financial accounts and outbound flows; the
 * Treasury money movements whose ledger line and balance it reads fresh on receipt; and, for UK/EEA businesses, the
 * Issuing balance (`balance.available`) and its top-ups and payouts. Every type whose object apply.ts applies is
 * here (receivers.test.ts checks it against the SDK's event types).
 */
export const SNAPSHOT_EVENT_TYPES = [
  "account.updated",
  "balance.available",
  "capability.updated",
  "issuing_authorization.created",
  "issuing_authorization.updated",
  "issuing_card.created",
  "issuing_card.updated",
  "issuing_cardholder.created",
  "issuing_cardholder.updated",
  "issuing_dispute.closed",
  "issuing_dispute.created",
  "issuing_dispute.funds_reinstated",
  "issuing_dispute.funds_rescinded",
  "issuing_dispute.submitted",
  "issuing_dispute.updated",
  "issuing_token.created",
  "issuing_token.updated",
  "issuing_transaction.created",
  "issuing_transaction.purchase_details_receipt_updated",
  "issuing_transaction.updated",
  "payout.canceled",
  "payout.created",
  "payout.failed",
  "payout.paid",
  "payout.reconciliation_completed",
  "payout.updated",
  "topup.canceled",
  "topup.created",
  "topup.failed",
  "topup.reversed",
  "topup.succeeded",
  "treasury.credit_reversal.created",
  "treasury.credit_reversal.posted",
  "treasury.debit_reversal.completed",
  "treasury.debit_reversal.created",
  "treasury.debit_reversal.initial_credit_granted",
  "treasury.financial_account.closed",
  "treasury.financial_account.created",
  "treasury.financial_account.features_status_updated",
  "treasury.inbound_transfer.canceled",
  "treasury.inbound_transfer.created",
  "treasury.inbound_transfer.failed",
  "treasury.inbound_transfer.succeeded",
  "treasury.outbound_payment.canceled",
  "treasury.outbound_payment.created",
  "treasury.outbound_payment.expected_arrival_date_updated",
  "treasury.outbound_payment.failed",
  "treasury.outbound_payment.posted",
  "treasury.outbound_payment.returned",
  "treasury.outbound_payment.tracking_details_updated",
  "treasury.outbound_transfer.canceled",
  "treasury.outbound_transfer.created",
  "treasury.outbound_transfer.expected_arrival_date_updated",
  "treasury.outbound_transfer.failed",
  "treasury.outbound_transfer.posted",
  "treasury.outbound_transfer.returned",
  "treasury.outbound_transfer.tracking_details_updated",
  "treasury.received_credit.created",
  "treasury.received_credit.failed",
  "treasury.received_credit.succeeded",
  "treasury.received_debit.created",
] as const;

/**
 * v2 thin events `lib/events/apply-v2.ts` applies: v2 accounts (the configurations the app reads),
 * and the v2 money movements that change a financial account (it fetches the object and the
 * account's balance on receipt). Wallet history is read from the API, not from events.
 */
export const THIN_EVENT_TYPES = [
  "v2.core.account.closed",
  "v2.core.account.created",
  "v2.core.account.updated",
  "v2.core.account[configuration.card_creator].capability_status_updated",
  "v2.core.account[configuration.card_creator].updated",
  "v2.core.account[configuration.merchant].capability_status_updated",
  "v2.core.account[configuration.merchant].updated",
  "v2.core.account[configuration.storer].capability_status_updated",
  "v2.core.account[configuration.storer].updated",
  "v2.core.account[identity].updated",
  "v2.core.account[requirements].updated",
  "v2.money_management.adjustment.created",
  "v2.money_management.financial_account.created",
  "v2.money_management.financial_account.updated",
  "v2.money_management.outbound_payment.canceled",
  "v2.money_management.outbound_payment.created",
  "v2.money_management.outbound_payment.failed",
  "v2.money_management.outbound_payment.posted",
  "v2.money_management.outbound_payment.returned",
  "v2.money_management.outbound_payment.updated",
  "v2.money_management.outbound_transfer.canceled",
  "v2.money_management.outbound_transfer.created",
  "v2.money_management.outbound_transfer.failed",
  "v2.money_management.outbound_transfer.posted",
  "v2.money_management.outbound_transfer.returned",
  "v2.money_management.outbound_transfer.updated",
  "v2.money_management.received_credit.available",
  "v2.money_management.received_credit.failed",
  "v2.money_management.received_credit.returned",
  "v2.money_management.received_credit.succeeded",
  "v2.money_management.received_debit.canceled",
  "v2.money_management.received_debit.failed",
  "v2.money_management.received_debit.pending",
  "v2.money_management.received_debit.succeeded",
  "v2.money_management.received_debit.updated",
] as const;

export type ReceiverKind = "authorizations" | "snapshot" | "thin";

export type Receiver = {
  kind: ReceiverKind;
  /** The app's route (the URL Stripe posts to is the app's public base URL + this). */
  path: string;
  /** The environment variable holding the receiver's signing secret. */
  secretEnv: string;
  /** What it is in Stripe, in a few words. */
  what: string;
};

export const RECEIVERS: Record<ReceiverKind, Receiver> = {
  authorizations: {
    kind: "authorizations",
    path: "/api/webhooks/stripe/authorizations",
    secretEnv: "STRIPE_AUTHORIZATION_SECRET",
    what: "the real-time authorization endpoint (Dashboard → Settings → Issuing), answering issuing_authorization.request with {approved} within 2 s",
  },
  snapshot: {
    kind: "snapshot",
    path: "/api/webhooks/stripe/snapshot",
    secretEnv: "STRIPE_SNAPSHOT_WEBHOOK_SECRET",
    what: `an event destination with the snapshot payload, events from your account and connected accounts, API version ${V1_API_VERSION}`,
  },
  thin: {
    kind: "thin",
    path: "/api/webhooks/stripe/thin",
    secretEnv: "STRIPE_THIN_WEBHOOK_SECRET",
    what: "an event destination with the thin payload, events from your account and connected accounts",
  },
};

/** A signing secret as Stripe shows one: `whsec_` and at least 16 more characters. */
export const SIGNING_SECRET_RE = /^whsec_[A-Za-z0-9+/=_-]{16,}$/;
