import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { ApiError, invalidRequest } from "../../wire/errors";

import { emitEvent } from "../../events/bus";
import { cancelInbound, expectInbound, settleInbound } from "../../ledger/moves";
import type { Row } from "../../store/store";
import { ownedRow } from "../common";
import { listByFaRoute, loadFa, requireTreasury, v1Money } from "./common";
import { newFlow, requireFeature } from "./features";
import { loadPm, pmDetails } from "./payment-methods";
import { addEntry, openTxn } from "./transactions";
import { receiveDebit } from "./received";

/**
 * InboundTransfers pull money from the account's own verified bank account:
 * processing (inbound_pending +X) → succeeded (→ cash) | failed/canceled (→ gone, void);
 * succeeded → returned (a ReceivedDebit takes the money back out).
 */
const IBTS = "treasury_inbound_transfers";
type Ibt = Stripe.Treasury.InboundTransfer;

function save(ctx: Ctx, row: Row<Ibt>, event?: string): Ibt {
  ctx.tx.put(IBTS, row.data.id, row);
  if (event) emitEvent(ctx, `treasury.inbound_transfer.${event}`, row.data as unknown as Record<string, unknown>);
  return row.data;
}

const load = (ctx: Ctx) => structuredClone(ownedRow<Ibt>(ctx, IBTS, ctx.path.id ?? "", "treasury.inbound_transfer"));
const mv = (ibt: Ibt, ctx: Ctx) => ({
  holder: ibt.financial_account,
  currency: ibt.currency,
  amount: ibt.amount,
  flow: { type: "inbound_transfer", id: ibt.id },
  nowMs: ctx.nowMs,
});

function create(ctx: Ctx): Ibt {
  const p = ctx.params;
  const { fa, amount, currency } = newFlow(ctx, "inbound_flows");
  requireFeature(ctx, fa, "inbound_transfers.ach", "financial_account");
  const pm = loadPm(ctx, String(p.origin_payment_method), "origin_payment_method");
  if (!pm.extra.verified || !pm.extra.attached_to_self || !pm.extra.flow_directions.includes("inbound")) {
    throw invalidRequest(
      `PaymentMethod ${pm.data.id} cannot fund InboundTransfers: set it up with a SetupIntent using \`attach_to_self=true\` and \`flow_directions[]=inbound\`, and verify its microdeposits.`,
      { param: "origin_payment_method" },
    );
  }
  const id = ctx.id("ibt");
  const txn = openTxn(
    ctx,
    fa.data.id,
    { type: "inbound_transfer", id },
    currency,
    amount,
    (p.description as string | undefined) ?? "InboundTransfer",
  );
  const ibt = {
    id,
    object: "treasury.inbound_transfer",
    amount,
    cancelable: true,
    created: ctx.now,
    currency,
    description: (p.description as string | undefined) ?? null,
    failure_details: null,
    financial_account: fa.data.id,
    hosted_regulatory_receipt_url: `${ctx.origin}/_sandbox/receipts/${id}`,
    linked_flows: { received_debit: null },
    livemode: false,
    metadata: (p.metadata as Record<string, string> | undefined) ?? {},
    origin_payment_method: pm.data.id,
    origin_payment_method_details: pmDetails(pm.data, "ach"),
    returned: false,
    statement_descriptor: (p.statement_descriptor as string | undefined) ?? "transfer",
    status: "processing",
    status_transitions: { canceled_at: null, failed_at: null, succeeded_at: null },
    transaction: txn,
  } as unknown as Ibt;
  addEntry(
    ctx,
    txn,
    "inbound_transfer",
    v1Money(() => expectInbound(ctx.tx, mv(ibt, ctx))),
  );
  return save(ctx, { owner: ctx.account, data: ibt }, "created");
}

function transition(action: "succeed" | "fail" | "return" | "cancel") {
  return (ctx: Ctx): Ibt => {
    requireTreasury(ctx);
    const row = load(ctx);
    const ibt = row.data;
    const need = action === "return" ? "succeeded" : "processing";
    if (ibt.status !== need || (action === "return" && ibt.returned)) {
      throw invalidRequest(
        `InboundTransfer ${ibt.id} has status ${ibt.status}${ibt.returned ? " (returned)" : ""}; it must be ${need} to ${action} it.`,
        { code: action === "cancel" ? "inbound_transfer_not_cancelable" : "inbound_transfer_unexpected_state" },
      );
    }
    const txn = String(ibt.transaction);
    if (action === "succeed") {
      addEntry(ctx, txn, "inbound_transfer", settleInbound(ctx.tx, mv(ibt, ctx)), "posted");
      ibt.status = "succeeded";
      ibt.status_transitions.succeeded_at = ctx.now;
    } else if (action === "fail" || action === "cancel") {
      addEntry(ctx, txn, "inbound_transfer", cancelInbound(ctx.tx, mv(ibt, ctx)), "void");
      ibt.status = action === "fail" ? "failed" : "canceled";
      if (action === "fail") {
        ibt.failure_details = {
          code: (((ctx.params.failure_details as Record<string, unknown> | undefined)?.code as string | undefined) ??
            "account_closed") as Stripe.Treasury.InboundTransfer.FailureDetails.Code,
        };
        ibt.status_transitions.failed_at = ctx.now;
      } else (ibt.status_transitions as { canceled_at?: number | null }).canceled_at = ctx.now;
    } else {
      const fa = loadFa(ctx, ibt.financial_account);
      const rd = receiveDebit(ctx, fa, {
        amount: ibt.amount,
        currency: ibt.currency,
        network: "ach",
        description: "InboundTransfer return",
        linked: { inbound_transfer: ibt.id },
      });
      // Stripe may take the balance negative here; this sandbox keeps cash ≥ 0 and refuses instead. [deviation]
      if (rd.status === "failed")
        throw new ApiError(400, {
          type: "invalid_request_error",
          code: "insufficient_funds",
          message: `The financial account no longer holds the ${ibt.amount} this InboundTransfer brought in, so the sandbox cannot return it. Add funds first.`,
        });
      ibt.returned = true;
      ibt.linked_flows = { received_debit: rd.id };
    }
    ibt.cancelable = false;
    return save(
      ctx,
      row,
      action === "succeed" ? "succeeded" : action === "fail" ? "failed" : action === "cancel" ? "canceled" : undefined,
    );
  };
}

export function registerInboundTransferRoutes(kernel: Kernel): void {
  const base = "/v1/treasury/inbound_transfers";
  kernel.router.add(
    { method: "POST", path: base, handler: create },
    { method: "GET", path: `${base}/:id`, handler: (ctx) => (requireTreasury(ctx), load(ctx).data) },
    listByFaRoute(base, IBTS, "treasury.inbound_transfer"),
    { method: "POST", path: `${base}/:id/cancel`, handler: transition("cancel") },
    { method: "POST", path: "/v1/test_helpers/treasury/inbound_transfers/:id/succeed", handler: transition("succeed") },
    { method: "POST", path: "/v1/test_helpers/treasury/inbound_transfers/:id/fail", handler: transition("fail") },
    { method: "POST", path: "/v1/test_helpers/treasury/inbound_transfers/:id/return", handler: transition("return") },
  );
  kernel.expanders.set("ibt", (id, ctx) => {
    const row = ctx.tx.get(IBTS, id);
    return row && row.owner === ctx.account ? row.data : null;
  });
}
