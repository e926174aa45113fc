import type Stripe from "stripe";

/**
 * Stripe's dispute reasons, each with what its evidence hash needs beyond an explanation (the
 * fields Stripe's Dashboard asks for; the sandbox refuses `submit` without them). Shared by the
 * form (which fields to show) and the server (which to require and where each goes).
 */
type Reason = Stripe.Issuing.Dispute.Evidence.Reason;
export type DateField = "canceled_at" | "expected_at" | "received_at";
export type ReasonSpec = {
  value: Reason;
  label: string;
  /** A date the reason turns on, with the question the form asks. */
  date?: { field: DateField; label: string };
  /** Whether the form asks if goods or a service were bought, and whether it must be answered. */
  productType?: "required" | "optional";
  /** A duplicate names the earlier capture it duplicates. */
  original?: true;
};

export const DISPUTE_REASONS = [
  { value: "fraudulent", label: "Fraudulent: the cardholder didn't make this purchase" },
  { value: "no_valid_authorization", label: "Not authorized: charged without a valid authorization" },
  { value: "duplicate", label: "Duplicate: charged twice for one purchase", original: true },
  {
    value: "not_received",
    label: "Not received: the goods or service never came",
    date: { field: "expected_at", label: "When was it expected?" },
    productType: "optional",
  },
  {
    value: "canceled",
    label: "Canceled: charged after the order was canceled",
    date: { field: "canceled_at", label: "When was it canceled?" },
    productType: "optional",
  },
  {
    value: "merchandise_not_as_described",
    label: "Goods not as described",
    date: { field: "received_at", label: "When were they received?" },
  },
  {
    value: "service_not_as_described",
    label: "Service not as described",
    date: { field: "received_at", label: "When was it received?" },
  },
  { value: "other", label: "Other", productType: "required" },
] as const satisfies ReadonlyArray<ReasonSpec>;

export type DisputeReason = (typeof DISPUTE_REASONS)[number]["value"];
export const REASON_VALUES = DISPUTE_REASONS.map((r) => r.value) as [DisputeReason, ...DisputeReason[]];

export function reasonSpec(value: string): ReasonSpec | undefined {
  return (DISPUTE_REASONS as ReadonlyArray<ReasonSpec>).find((r) => r.value === value);
}
