import type Stripe from "stripe";

// Builders of Stripe-shaped events for tests (minimal objects with the fields the app reads).
let seq = 0;
export const nextId = (prefix: string) =>
  `${prefix}_test${(++seq).toString().padStart(6, "0")}${Math.random().toString(36).slice(2, 8)}`;

export function event<T extends { object: string }>(
  type: string,
  object: T,
  opts: { account?: string; created?: number; previous?: Record<string, unknown> } = {},
): Stripe.Event {
  return {
    id: nextId("evt"),
    object: "event",
    api_version: "2026-10-28.endive",
    created: opts.created ?? Math.floor(Date.now() / 1000),
    data: {
      object: object as unknown as Stripe.Event.Data.Object,
      ...(opts.previous ? { previous_attributes: opts.previous } : {}),
    },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: type as Stripe.Event.Type,
    ...(opts.account ? { account: opts.account } : {}),
  } as Stripe.Event;
}

export function account(over: Partial<Stripe.Account> & { id: string }): Stripe.Account {
  return {
    object: "account",
    country: "US",
    email: "ops@example.test",
    created: 1_700_000_000,
    details_submitted: false,
    capabilities: { card_issuing: "inactive", treasury: "inactive" },
    requirements: {
      currently_due: ["business_type"],
      past_due: [],
      eventually_due: [],
      disabled_reason: "requirements.past_due",
      current_deadline: null,
      errors: [],
      pending_verification: [],
      alternatives: [],
    },
    ...over,
  } as unknown as Stripe.Account;
}

export function authorization(
  over: {
    id?: string;
    card?: string;
    amount?: number;
    category?: string;
    country?: string;
    status?: string;
    approved?: boolean;
  } = {},
): Stripe.Issuing.Authorization {
  const amount = over.amount ?? 1000;
  return {
    id: over.id ?? nextId("iauth"),
    object: "issuing.authorization",
    amount: over.status === "pending" || over.status === undefined ? 0 : amount,
    approved: over.approved ?? false,
    card: { id: over.card ?? "ic_test_card", object: "issuing.card", last4: "4242" },
    cardholder: "ich_test",
    created: 1_700_000_000,
    currency: "usd",
    merchant_amount: 0,
    merchant_currency: "usd",
    merchant_data: {
      category: over.category ?? "taxicabs_limousines",
      country: over.country ?? "US",
      name: "Rocket Rides",
    },
    pending_request: {
      amount,
      currency: "usd",
      merchant_amount: amount,
      merchant_currency: "usd",
      is_amount_controllable: false,
    },
    request_history: [],
    status: over.status ?? "pending",
  } as unknown as Stripe.Issuing.Authorization;
}
