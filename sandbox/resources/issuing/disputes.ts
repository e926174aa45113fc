import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest } from "../../wire/errors";
import { listV1 } from "../../wire/list";

import { emitEvent } from "../../events/bus";
import { previousAttributes } from "../../events/diff";
import { deepMerge, mergeMetadata, newestFirst } from "../common";
import { loadCard, owned, requireIssuing, TABLES, type Json } from "./common";
import { saveCard } from "./card-model";
import { checkEvidence, evidenceOf, missingEvidence } from "./dispute-evidence";
import { reinstate, type Reinstated } from "./dispute-money";
import { loadTxn, saveTxn, type TxnRow } from "./transactions";

/**
 * Issuing disputes: created on a capture (evidence per reason), updated while `unsubmitted`,
 * submitted once the reason's evidence is there, then `won` (the money comes back to the card's
 * funding source: `funds_reinstated`) or `lost`, per `/_sandbox/config issuing_dispute_outcome`
 * (or `manual` and `POST /_sandbox/issuing/disputes/:id/close {status}`).
 */
type Dispute = Stripe.Issuing.Dispute;
type DisputeExtra = { balance_transactions: string[]; reinstated: Reinstated | null };
/** docs.stripe.com/issuing/purchases/disputes: "Fewer than 110 days have passed since the transaction was captured." */
const WINDOW_S = 110 * 86_400;

function save(ctx: Ctx, before: Dispute | null, next: Dispute, type?: string, extra?: DisputeExtra): Dispute {
  const kept = (ctx.tx.get(TABLES.disputes, next.id)?.extra as DisputeExtra | undefined) ?? {
    balance_transactions: [],
    reinstated: null,
  };
  ctx.tx.put(TABLES.disputes, next.id, { owner: ctx.account, data: next, extra: extra ?? kept });
  const obj = next as unknown as Json;
  if (!before) emitEvent(ctx, "issuing_dispute.created", obj);
  else {
    const prev = previousAttributes(before as unknown as Json, obj);
    if (prev && !type) emitEvent(ctx, "issuing_dispute.updated", obj, { previous_attributes: prev });
    if (type) emitEvent(ctx, type, obj, prev ? { previous_attributes: prev } : {});
  }
  return next;
}

/** The capture a dispute is about: `transaction`, or for a Treasury card the capture behind `treasury.received_debit`. */
function disputedTxn(ctx: Ctx): TxnRow {
  const p = ctx.params;
  const rd = (p.treasury as Json | undefined)?.received_debit as string | undefined;
  if (p.transaction && rd)
    throw invalidRequest("You may only specify one of these parameters: transaction, treasury[received_debit].", {
      param: "treasury[received_debit]",
      code: "parameters_exclusive",
    });
  if (rd) {
    const found = ctx.kernel.store
      .rows<Stripe.Issuing.Transaction>(TABLES.txns)
      .find(([, r]) => r.owner === ctx.account && r.data.treasury?.received_debit === rd);
    if (!found)
      throw invalidRequest(`No such received debit of an Issuing capture: '${rd}'`, {
        param: "treasury[received_debit]",
        code: "resource_missing",
      });
    return loadTxn(ctx, found[0]);
  }
  if (!p.transaction)
    throw invalidRequest("Missing required param: transaction (or treasury[received_debit] for a Treasury card).", {
      param: "transaction",
      code: "parameter_missing",
    });
  return loadTxn(ctx, String(p.transaction), "transaction");
}

/**
 * Stripe's eligibility (docs.stripe.com/issuing/purchases/disputes): a capture, not a refund; no part
 * refunded; fewer than 110 days old; not disputed already. An authorization is not a transaction, so
 * an uncaptured purchase cannot be disputed.
 */
function create(ctx: Ctx): Dispute {
  requireIssuing(ctx);
  const p = ctx.params;
  const txn = disputedTxn(ctx);
  const param = p.transaction ? "transaction" : "treasury[received_debit]";
  const refuse = (why: string) => invalidRequest(`Transaction ${txn.data.id} cannot be disputed: ${why}`, { param });
  if (txn.data.type !== "capture") throw refuse("it is a refund; only captures can be disputed.");
  if (txn.extra.refunded > 0) throw refuse("part of it has been refunded.");
  if (ctx.now - txn.data.created >= WINDOW_S) throw refuse("it was captured 110 days ago or more.");
  if (txn.data.dispute) throw refuse(`it is already disputed (${String(txn.data.dispute)}).`);
  const amount = (p.amount as number | undefined) ?? -txn.data.amount;
  if (amount <= 0 || amount > -txn.data.amount)
    throw invalidRequest(`amount must be between 1 and ${-txn.data.amount}.`, { param: "amount" });
  const evidence = evidenceOf({ reason: "other", ...(p.evidence as Json | undefined) });
  checkEvidence(ctx, evidence, txn.data.id);
  const rd = txn.data.treasury?.received_debit;
  const d = {
    id: ctx.id("idp"),
    object: "issuing.dispute",
    amount,
    created: ctx.now,
    currency: txn.data.currency,
    evidence,
    livemode: false,
    metadata: mergeMetadata({}, p.metadata),
    status: "unsubmitted",
    transaction: txn.data.id,
    treasury: rd ? { debit_reversal: null, received_debit: rd } : null,
  } as unknown as Dispute;
  saveTxn(ctx, txn, { ...structuredClone(txn.data), dispute: d.id }, txn.extra);
  const saved = save(ctx, null, d, undefined, { balance_transactions: [], reinstated: null });
  if (evidence.reason === "fraudulent") warnOfFraud(ctx, String(txn.data.card));
  return saved;
}

/**
 * A fraud dispute marks its card: `latest_fraud_warning.type` `fraud_dispute_filed` ("A fraud
 * dispute was filed on this card", the SDK's docs), so the platform can cancel and replace it.
 */
function warnOfFraud(ctx: Ctx, cardId: string): void {
  const row = loadCard(ctx, cardId);
  const next = {
    ...structuredClone(row.data),
    latest_fraud_warning: { started_at: ctx.now, type: "fraud_dispute_filed" as const },
  };
  saveCard(ctx, row, next, row.extra);
}

/**
 * Evidence and amount change while `unsubmitted`; once `submitted` "their evidence can no longer be
 * updated — only their metadata can be altered" (docs.stripe.com/issuing/purchases/disputes). A
 * decided dispute changes no more [guess].
 */
function update(ctx: Ctx): Dispute {
  const row = owned<Dispute>(ctx, TABLES.disputes, ctx.path.id ?? "", "issuing.dispute");
  const p = ctx.params;
  const onlyMetadata = p.evidence === undefined && p.amount === undefined;
  if (row.data.status !== "unsubmitted" && !(row.data.status === "submitted" && onlyMetadata))
    throw invalidRequest(
      `Dispute ${row.data.id} is ${row.data.status}; only an unsubmitted dispute's evidence and amount can change, and only a submitted dispute's metadata.`,
    );
  const next = structuredClone(row.data);
  if (p.evidence) {
    next.evidence = evidenceOf(deepMerge(next.evidence, p.evidence) as Json);
    checkEvidence(ctx, next.evidence, String(next.transaction));
  }
  if (p.amount !== undefined) {
    const captured = -loadTxn(ctx, String(next.transaction)).data.amount;
    const amount = Number(p.amount);
    if (!(amount >= 1 && amount <= captured))
      throw invalidRequest(`amount must be between 1 and ${captured}.`, { param: "amount" });
    next.amount = amount;
  }
  if (p.metadata !== undefined) next.metadata = mergeMetadata(next.metadata, p.metadata);
  return save(ctx, row.data, next);
}

/** Decides a submitted dispute: won moves the disputed amount back to the card's funding source (`dispute-money.ts`). */
export function closeDispute(ctx: Ctx, id: string, status: "won" | "lost"): Dispute {
  const row = owned<Dispute>(ctx, TABLES.disputes, id, "issuing.dispute");
  if (row.data.status !== "submitted")
    throw invalidRequest(`Dispute ${id} is ${row.data.status}; only submitted disputes can be closed.`);
  const next = { ...structuredClone(row.data), status } as Dispute;
  if (status === "lost") next.loss_reason = "other" as Stripe.Issuing.Dispute.LossReason;
  if (status === "lost") {
    save(ctx, row.data, next, "issuing_dispute.closed");
    return next;
  }
  const txn = loadTxn(ctx, String(row.data.transaction));
  const money = reinstate(ctx, next, loadCard(ctx, String(txn.data.card)), txn);
  const extra: DisputeExtra = {
    balance_transactions: money.balance_transaction ? [money.balance_transaction] : [],
    reinstated: money,
  };
  save(ctx, row.data, next, "issuing_dispute.closed", extra);
  emitEvent(ctx, "issuing_dispute.funds_reinstated", next as unknown as Json);
  return next;
}

function submit(ctx: Ctx): Dispute {
  const row = owned<Dispute>(ctx, TABLES.disputes, ctx.path.id ?? "", "issuing.dispute");
  if (row.data.status !== "unsubmitted") throw invalidRequest(`Dispute ${row.data.id} was already submitted.`);
  const missing = missingEvidence(row.data.evidence);
  if (missing)
    throw invalidRequest(`Evidence for a ${row.data.evidence.reason} dispute needs ${missing}.`, { param: missing });
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
  // "includable": only `expand[]=balance_transactions` shows them (a won dispute on the Issuing balance has one).
  kernel.fieldExpanders.set("issuing.dispute.balance_transactions", (obj, ctx) => {
    const extra = ctx.tx.get(TABLES.disputes, String(obj.id))?.extra as DisputeExtra | undefined;
    return (extra?.balance_transactions ?? []).map((id) => ctx.tx.get(TABLES.balanceTxns, id)?.data ?? id);
  });
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
