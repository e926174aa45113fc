import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import { invalidRequest } from "../../wire/errors";
import { requireFile } from "../files";
import type { Json } from "./common";

/** Issuing dispute evidence: the SDK's hash per reason, its file fields, and what `submit` requires. */
type Dispute = Stripe.Issuing.Dispute;

/** What `submit` requires per reason [guess: Stripe's dashboard asks for these; the API docs do not list them]. */
export const REQUIRED: Record<string, string[]> = {
  canceled: ["explanation", "canceled_at"],
  duplicate: ["explanation", "original_transaction"],
  fraudulent: ["explanation"],
  merchandise_not_as_described: ["explanation", "received_at"],
  no_valid_authorization: ["explanation"],
  not_received: ["explanation", "expected_at"],
  other: ["explanation", "product_type"],
  service_not_as_described: ["explanation", "received_at"],
};
/** Every field of each reason's evidence hash, as Stripe answers them (`null` until given). */
const FIELDS: Record<string, string[]> = {
  canceled: [
    "additional_documentation",
    "canceled_at",
    "cancellation_policy_provided",
    "cancellation_reason",
    "expected_at",
    "explanation",
    "product_description",
    "product_type",
    "return_status",
    "returned_at",
  ],
  duplicate: [
    "additional_documentation",
    "card_statement",
    "cash_receipt",
    "check_image",
    "explanation",
    "original_transaction",
  ],
  fraudulent: ["additional_documentation", "explanation"],
  merchandise_not_as_described: [
    "additional_documentation",
    "explanation",
    "received_at",
    "return_description",
    "return_status",
    "returned_at",
  ],
  no_valid_authorization: ["additional_documentation", "explanation"],
  not_received: ["additional_documentation", "expected_at", "explanation", "product_description", "product_type"],
  other: ["additional_documentation", "explanation", "product_description", "product_type"],
  service_not_as_described: [
    "additional_documentation",
    "canceled_at",
    "cancellation_reason",
    "explanation",
    "received_at",
  ],
};
/** The evidence fields the SDK documents as "(ID of a file upload)". */
const FILE_FIELDS = ["additional_documentation", "card_statement", "cash_receipt", "check_image"];

export function evidenceOf(e: Json): Dispute["evidence"] {
  const out: Json = { reason: e.reason ?? "other" };
  for (const [reason, fields] of Object.entries(FIELDS)) {
    const given = e[reason] as Json | undefined;
    if (given) out[reason] = Object.fromEntries(fields.map((f) => [f, given[f] ?? null]));
  }
  return out as unknown as Dispute["evidence"];
}

/**
 * Every file the evidence names must be a `dispute_evidence` upload of the acting account, and an
 * `original_transaction` one of its captures (not the disputed one).
 */
export function checkEvidence(ctx: Ctx, evidence: Dispute["evidence"], disputed: string): void {
  for (const reason of Object.keys(FIELDS)) {
    const hash = (evidence as unknown as Json)[reason] as Json | undefined;
    if (!hash) continue;
    for (const field of FILE_FIELDS) {
      const id = hash[field];
      if (typeof id === "string" && id) requireFile(ctx, id, "dispute_evidence", `evidence[${reason}][${field}]`);
    }
    const original = hash.original_transaction;
    if (typeof original === "string" && original) {
      const row = ctx.tx.get<Stripe.Issuing.Transaction>("issuing_transactions", original);
      if (!row || row.owner !== ctx.account || row.data.type !== "capture" || original === disputed)
        throw invalidRequest(
          `evidence[${reason}][original_transaction] must be another capture of this account; ${original} is not.`,
          { param: `evidence[${reason}][original_transaction]` },
        );
    }
  }
}

/** The first required field of the dispute's reason that is missing, as the param `submit` refuses. */
export function missingEvidence(evidence: Dispute["evidence"]): string | null {
  const reason = evidence.reason;
  const given = ((evidence as unknown as Json)[reason] ?? {}) as Json;
  for (const field of REQUIRED[reason] ?? []) {
    if (given[field] === undefined || given[field] === null || given[field] === "")
      return `evidence[${reason}][${field}]`;
  }
  return null;
}
