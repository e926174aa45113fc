import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest } from "../../wire/errors";
import { listV1 } from "../../wire/list";

import { emitEvent } from "../../events/bus";
import { previousAttributes } from "../../events/diff";
import { deepMerge, mergeMetadata, newestFirst } from "../common";
import { loadCard, owned, requireIssuing, TABLES, type Json } from "./common";
import { moveCardMoney } from "./funding";
import { loadTxn, saveTxn } from "./transactions";

/**
 * Issuing disputes: created on a capture (evidence per reason), updated while `unsubmitted`,
 * submitted once the reason's evidence is there, then `won` (the money comes back to the card's
 * funding source: `funds_reinstated`) or `lost`, per `/_sandbox/config issuing_dispute_outcome`
 * (or `manual` and `POST /_sandbox/issuing/disputes/:id/close {status}`).
 */
type Dispute = Stripe.Issuing.Dispute;
/** What `submit` requires per reason [guess: Stripe's dashboard asks for these; the API docs do not list them]. */
const REQUIRED: Record<string, string[]> = {
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
function evidenceOf(e: Json): Dispute["evidence"] {
  const out: Json = { reason: e.reason ?? "other" };
  for (const [reason, fields] of Object.entries(FIELDS)) {
    const given = e[reason] as Json | undefined;
    if (given) out[reason] = Object.fromEntries(fields.map((f) => [f, given[f] ?? null]));
  }
  return out as unknown as Dispute["evidence"];
}

function save(ctx: Ctx, before: Dispute | null, next: Dispute, type?: string): Dispute {
  ctx.tx.put(TABLES.disputes, next.id, { owner: ctx.account, data: next });
  const obj = next as unknown as Json;
  if (!before) emitEvent(ctx, "issuing_dispute.created", obj);
  else {
    const prev = previousAttributes(before as unknown as Json, obj);
    if (prev && !type) emitEvent(ctx, "issuing_dispute.updated", obj, { previous_attributes: prev });
    if (type) emitEvent(ctx, type, obj, prev ? { previous_attributes: prev } : {});
  }
  return next;
}

function create(ctx: Ctx): Dispute {
  requireIssuing(ctx);
  const p = ctx.params;
  if (!p.transaction)
    throw invalidRequest(
      "Missing required param: transaction (Treasury received-debit disputes are not in the sandbox).",
      { param: "transaction", code: "parameter_missing" },
    );
  const txn = loadTxn(ctx, String(p.transaction), "transaction");
  if (txn.data.type !== "capture") throw invalidRequest("Only captures can be disputed.", { param: "transaction" });
  if (txn.data.dispute)
    throw invalidRequest(`Transaction ${txn.data.id} is already disputed (${String(txn.data.dispute)}).`, {
      param: "transaction",
    });
  const amount = (p.amount as number | undefined) ?? -txn.data.amount;
  if (amount <= 0 || amount > -txn.data.amount)
    throw invalidRequest(`amount must be between 1 and ${-txn.data.amount}.`, { param: "amount" });
  const d = {
    id: ctx.id("idp"),
    object: "issuing.dispute",
    amount,
    balance_transactions: null,
    created: ctx.now,
    currency: txn.data.currency,
    evidence: evidenceOf({ reason: "other", ...(p.evidence as Json | undefined) }),
    livemode: false,
    metadata: mergeMetadata({}, p.metadata),
    status: "unsubmitted",
    transaction: txn.data.id,
    treasury: null,
  } as unknown as Dispute;
  saveTxn(ctx, txn, { ...structuredClone(txn.data), dispute: d.id }, txn.extra);
  return save(ctx, null, d);
}

function update(ctx: Ctx): Dispute {
  const row = owned<Dispute>(ctx, TABLES.disputes, ctx.path.id ?? "", "issuing.dispute");
  if (row.data.status !== "unsubmitted")
    throw invalidRequest(`Dispute ${row.data.id} is ${row.data.status}; only unsubmitted disputes can be updated.`);
  const next = structuredClone(row.data);
  if (ctx.params.evidence) next.evidence = evidenceOf(deepMerge(next.evidence, ctx.params.evidence) as Json);
  if (ctx.params.amount !== undefined) next.amount = Number(ctx.params.amount);
  if (ctx.params.metadata !== undefined) next.metadata = mergeMetadata(next.metadata, ctx.params.metadata);
  return save(ctx, row.data, next);
}

/** Decides a submitted dispute: won moves the disputed amount back to the card's funding source. */
export function closeDispute(ctx: Ctx, id: string, status: "won" | "lost"): Dispute {
  const row = owned<Dispute>(ctx, TABLES.disputes, id, "issuing.dispute");
  if (row.data.status !== "submitted")
    throw invalidRequest(`Dispute ${id} is ${row.data.status}; only submitted disputes can be closed.`);
  const next = { ...structuredClone(row.data), status } as Dispute;
  if (status === "lost") next.loss_reason = "other" as Stripe.Issuing.Dispute.LossReason;
  save(ctx, row.data, next, "issuing_dispute.closed");
  if (status === "won") {
    const txn = loadTxn(ctx, String(row.data.transaction));
    const card = loadCard(ctx, String(txn.data.card));
    moveCardMoney(ctx, card.extra.funding, "credit", row.data.amount, card.data.id, {
      authorization: txn.data.authorization as string | null,
      transaction: txn.data.id,
    });
    emitEvent(ctx, "issuing_dispute.funds_reinstated", next as unknown as Json);
  }
  return next;
}

function submit(ctx: Ctx): Dispute {
  const row = owned<Dispute>(ctx, TABLES.disputes, ctx.path.id ?? "", "issuing.dispute");
  if (row.data.status !== "unsubmitted") throw invalidRequest(`Dispute ${row.data.id} was already submitted.`);
  const reason = row.data.evidence.reason;
  const given = ((row.data.evidence as unknown as Json)[reason] ?? {}) as Json;
  for (const field of REQUIRED[reason] ?? []) {
    if (given[field] === undefined || given[field] === null || given[field] === "")
      throw invalidRequest(`Evidence for a ${reason} dispute needs evidence[${reason}][${field}].`, {
        param: `evidence[${reason}][${field}]`,
      });
  }
  const next = {
    ...structuredClone(row.data),
    status: "submitted",
    metadata: mergeMetadata(row.data.metadata, ctx.params.metadata),
  } as Dispute;
  save(ctx, row.data, next, "issuing_dispute.submitted");
  const outcome = ctx.kernel.config.issuingDisputeOutcome;
  return outcome === "manual" ? next : closeDispute(ctx, next.id, outcome);
}

export function registerDisputeRoutes(kernel: Kernel): void {
  const base = "/v1/issuing/disputes";
  kernel.router.add(
    { method: "POST", path: base, handler: create },
    { method: "POST", path: `${base}/:id`, handler: update },
    { method: "POST", path: `${base}/:id/submit`, handler: submit },
    {
      method: "GET",
      path: `${base}/:id`,
      handler: (ctx) => owned<Dispute>(ctx, TABLES.disputes, ctx.path.id ?? "", "issuing.dispute").data,
    },
    {
      method: "GET",
      path: base,
      handler: (ctx) =>
        listV1(
          newestFirst<Dispute>(
            ctx,
            TABLES.disputes,
            (r) =>
              (!ctx.params.status || r.data.status === ctx.params.status) &&
              (!ctx.params.transaction || r.data.transaction === ctx.params.transaction),
          ),
          ctx.params,
          base,
          "issuing.dispute",
        ),
    },
  );
}
