import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest, referenceMissing } from "../../wire/errors";

import { emitEvent } from "../../events/bus";
import { credit, hold, release, settleHold } from "../../ledger/moves";
import { EXTERNAL } from "../../ledger/ledger";
import type { Row } from "../../store/store";
import { ownedRow } from "../common";
import { asAccount, FAS, listByFaRoute, loadFa, onThisPlatform, requireTreasury, v1Money, type FaRow } from "./common";
import { newFlow, requireFeature } from "./features";
import { billing, loadPm, pmDetails } from "./payment-methods";
import { addEntry, openTxn, postedTxn } from "./transactions";
import { receiveCredit } from "./received";

/**
 * OutboundPayments (to third parties) and OutboundTransfers (to the account's own bank
 * account or another of its FAs) share one life cycle:
 * processing (cash → outbound_pending) → posted (outbound_pending leaves) | failed/canceled
 * (back to cash, transaction void); posted → returned (a new posted credit).
 */
export type Kind = "outbound_payment" | "outbound_transfer";
type Json = Record<string, unknown>;
type Flow = Json & {
  id: string;
  status: string;
  amount: number;
  currency: string;
  financial_account: string;
  transaction: string;
  cancelable: boolean;
  status_transitions: Json;
};
const TABLE: Record<Kind, string> = {
  outbound_payment: "treasury_outbound_payments",
  outbound_transfer: "treasury_outbound_transfers",
};
const PREFIX: Record<Kind, string> = { outbound_payment: "obp", outbound_transfer: "obt" };
const nice = (k: Kind) => (k === "outbound_payment" ? "OutboundPayment" : "OutboundTransfer");

function save(ctx: Ctx, kind: Kind, owner: string, flow: Flow, event?: string): Flow {
  ctx.tx.put(TABLE[kind], flow.id, { owner, data: flow });
  if (event) emitEvent(ctx, `treasury.${kind}.${event}`, flow);
  return flow;
}

function load(ctx: Ctx, kind: Kind): Row<Flow> {
  return structuredClone(ownedRow<Flow>(ctx, TABLE[kind], ctx.path.id ?? "", `treasury.${kind}`));
}

const DEST = "destination_payment_method_data[financial_account]";

/**
 * The destination FA of an intra-Stripe flow. An OutboundTransfer stays with the sending account;
 * an OutboundPayment may go to any financial account on the same platform (the platform's own or a
 * connected account's), as Stripe documents: how the platform funds its accounts' FAs.
 */
function destination(ctx: Ctx, kind: Kind, id: string): FaRow {
  if (kind === "outbound_transfer") return loadFa(ctx, id, DEST);
  const row = ctx.tx.get(FAS, id) as FaRow | undefined;
  if (!row || !onThisPlatform(ctx, row.owner)) throw referenceMissing("financial account", id, DEST);
  return row;
}

function create(ctx: Ctx, kind: Kind): Flow {
  const p = ctx.params;
  const { fa, amount, currency } = newFlow(ctx, "outbound_flows");
  const data = p.destination_payment_method_data as Json | undefined;
  const pmId = p.destination_payment_method as string | undefined;
  if (!data === !pmId)
    throw invalidRequest("Provide exactly one of `destination_payment_method` or `destination_payment_method_data`.", {
      param: "destination_payment_method",
    });
  const network = String(
    ((p.destination_payment_method_options as Json | undefined)?.us_bank_account as Json | undefined)?.network ?? "ach",
  );
  const toFa = data?.type === "financial_account" ? destination(ctx, kind, String(data.financial_account)) : null;
  let details: Json;
  if (toFa) {
    if (toFa.data.id === fa.data.id)
      throw invalidRequest("The destination financial account must differ from the source.", {
        param: "destination_payment_method_data[financial_account]",
      });
    requireFeature(ctx, fa, "intra_stripe_flows", "destination_payment_method_data");
    details = {
      type: "financial_account",
      financial_account: { id: toFa.data.id, network: "stripe" },
      billing_details: billing(undefined),
    };
  } else if (pmId) {
    const pm = loadPm(ctx, pmId, "destination_payment_method");
    if (!pm.extra.verified || !pm.extra.flow_directions.includes("outbound"))
      throw invalidRequest(
        `PaymentMethod ${pmId} is not set up for outbound flows. Confirm a SetupIntent with \`flow_directions[]=outbound\` and verify its microdeposits first.`,
        { param: "destination_payment_method" },
      );
    if (kind === "outbound_transfer" && !pm.extra.attached_to_self)
      throw invalidRequest(
        "OutboundTransfers go only to the account's own bank accounts: set the PaymentMethod up with `attach_to_self=true`.",
        { param: "destination_payment_method" },
      );
    requireFeature(ctx, fa, `${kind}s.${network}`, "destination_payment_method_options");
    details = pmDetails(pm.data, network);
  } else {
    if (kind === "outbound_transfer")
      throw invalidRequest(
        "OutboundTransfers accept only `destination_payment_method_data[type]=financial_account`; use a PaymentMethod attached to self for bank accounts.",
        { param: "destination_payment_method_data[type]" },
      );
    if (data?.type !== "us_bank_account" || !data.us_bank_account)
      throw invalidRequest("Missing `destination_payment_method_data[us_bank_account]`.", {
        param: "destination_payment_method_data[us_bank_account]",
        code: "parameter_missing",
      });
    requireFeature(ctx, fa, `${kind}s.${network}`, "destination_payment_method_options");
    const bank = data.us_bank_account as Json;
    const b = billing(data.billing_details as Json | undefined);
    details = {
      billing_details: { address: b.address, email: b.email, name: b.name },
      type: "us_bank_account",
      us_bank_account: {
        account_holder_type: bank.account_holder_type ?? null,
        account_type: bank.account_type ?? "checking",
        bank_name: "STRIPE TEST BANK",
        fingerprint: ctx.id("fp", 16).slice(3),
        last4: String(bank.account_number).slice(-4),
        network,
        routing_number: bank.routing_number,
      },
    };
  }
  const id = ctx.id(PREFIX[kind]);
  const txn = openTxn(
    ctx,
    fa.data.id,
    { type: kind, id },
    currency,
    -amount,
    (p.description as string | undefined) ?? `${nice(kind)}`,
  );
  const journal = v1Money(() =>
    hold(ctx.tx, { holder: fa.data.id, currency, amount, flow: { type: kind, id }, nowMs: ctx.nowMs }),
  );
  addEntry(ctx, txn, kind, journal);
  const flow: Flow = {
    id,
    object: `treasury.${kind}`,
    amount,
    cancelable: true,
    created: ctx.now,
    currency,
    description: (p.description as string | undefined) ?? null,
    destination_payment_method: pmId ?? null,
    destination_payment_method_details: details,
    expected_arrival_date: ctx.now + (network === "ach" ? 2 * 86400 : 0),
    financial_account: fa.data.id,
    hosted_regulatory_receipt_url: `${ctx.origin}/_sandbox/receipts/${id}`,
    livemode: false,
    metadata: (p.metadata as Json | undefined) ?? {},
    returned_details: null,
    statement_descriptor:
      (p.statement_descriptor as string | undefined) ?? (kind === "outbound_payment" ? "payment" : "transfer"),
    status: "processing",
    status_transitions: { canceled_at: null, failed_at: null, posted_at: null, returned_at: null },
    tracking_details: null,
    transaction: txn,
    ...(kind === "outbound_payment"
      ? {
          customer: (p.customer as string | undefined) ?? null,
          end_user_details: {
            ip_address: ((p.end_user_details as Json | undefined)?.ip_address as string | undefined) ?? null,
            present: ((p.end_user_details as Json | undefined)?.present as boolean | undefined) ?? false,
          },
        }
      : {}),
  };
  save(ctx, kind, ctx.account, flow, "created");
  // Between financial accounts money moves inside Stripe at once: post now and credit the destination.
  if (toFa) {
    post(ctx, kind, flow, EXTERNAL.stripe);
    receiveCredit(asAccount(ctx, toFa.owner), toFa, {
      amount,
      currency,
      network: "stripe",
      description: (flow.description as string | null) ?? nice(kind),
      initiating: { type: "financial_account", financial_account: { id: fa.data.id, network: "stripe" } },
      source: { type: kind, id },
    });
    save(ctx, kind, ctx.account, flow);
  }
  return flow;
}

function post(ctx: Ctx, kind: Kind, flow: Flow, to: string = EXTERNAL.bank): void {
  const j = settleHold(ctx.tx, moveOf(ctx, kind, flow), to);
  addEntry(ctx, flow.transaction, `${kind}_posting`, j, "posted");
  flow.status = "posted";
  flow.cancelable = false;
  flow.status_transitions = { ...flow.status_transitions, posted_at: ctx.now };
  emitEvent(ctx, `treasury.${kind}.posted`, flow);
}

/** The whole flow's amount on its FA, as the ledger moves it. */
function moveOf(ctx: Ctx, kind: Kind, flow: Flow) {
  return {
    holder: flow.financial_account,
    currency: flow.currency,
    amount: flow.amount,
    flow: { type: kind, id: flow.id },
    nowMs: ctx.nowMs,
  };
}

/** failed / canceled: the hold goes back to cash and the transaction is void. */
function unwind(ctx: Ctx, kind: Kind, flow: Flow, to: "failed" | "canceled"): void {
  const j = release(ctx.tx, moveOf(ctx, kind, flow));
  addEntry(ctx, flow.transaction, to === "failed" ? `${kind}_failure` : `${kind}_cancellation`, j, "void");
  flow.status = to;
  flow.cancelable = false;
  flow.status_transitions = { ...flow.status_transitions, [`${to}_at`]: ctx.now };
}

function helper(kind: Kind, action: "post" | "fail" | "return" | "update") {
  return (ctx: Ctx): Flow => {
    requireTreasury(ctx);
    const row = load(ctx, kind);
    const flow = row.data;
    const allowed =
      action === "return" ? ["processing", "posted"] : action === "update" ? ["processing", "posted"] : ["processing"];
    if (!allowed.includes(flow.status))
      throw invalidRequest(
        `${nice(kind)} ${flow.id} has status ${flow.status}; it must be ${allowed.join(" or ")} to ${action} it.`,
        { code: `${kind}_unexpected_state` },
      );
    if (action === "post") post(ctx, kind, flow);
    if (action === "fail") {
      unwind(ctx, kind, flow, "failed");
      emitEvent(ctx, `treasury.${kind}.failed`, flow);
    }
    if (action === "return") {
      if (flow.status === "processing") post(ctx, kind, flow);
      const j = credit(ctx.tx, moveOf(ctx, kind, flow));
      const txn = postedTxn(
        ctx,
        flow.financial_account,
        { type: kind, id: flow.id },
        `${kind}_return`,
        j,
        `${nice(kind)} return`,
      );
      flow.status = "returned";
      flow.returned_details = {
        code: ((ctx.params.returned_details as Json | undefined)?.code as string | undefined) ?? "declined",
        transaction: txn,
      };
      flow.status_transitions = { ...flow.status_transitions, returned_at: ctx.now };
      emitEvent(ctx, `treasury.${kind}.returned`, flow);
    }
    if (action === "update") {
      if (flow.cancelable)
        throw invalidRequest(
          `Tracking details can be set only after the ${nice(kind)} was submitted to the network; post it first.`,
        );
      const t = ctx.params.tracking_details as Json;
      const wire = t.us_domestic_wire as Json | undefined;
      // Stripe answers all three wire references, null where the network gave none.
      flow.tracking_details = wire
        ? { ...t, us_domestic_wire: { chips: wire.chips ?? null, imad: wire.imad ?? null, omad: wire.omad ?? null } }
        : t;
      emitEvent(ctx, `treasury.${kind}.tracking_details_updated`, flow);
    }
    return save(ctx, kind, row.owner, flow);
  };
}

export function registerOutboundFlowRoutes(kernel: Kernel): void {
  for (const kind of ["outbound_payment", "outbound_transfer"] as Kind[]) {
    const base = `/v1/treasury/${kind}s`;
    const helpers = `/v1/test_helpers/treasury/${kind}s/:id`;
    kernel.router.add(
      {
        method: "POST",
        path: base,
        handler: (ctx) => create(ctx, kind),
      },
      { method: "GET", path: `${base}/:id`, handler: (ctx) => (requireTreasury(ctx), load(ctx, kind).data) },
      listByFaRoute(base, TABLE[kind], `treasury.${kind}`),
      {
        method: "POST",
        path: `${base}/:id/cancel`,
        handler: (ctx) => {
          requireTreasury(ctx);
          const row = load(ctx, kind);
          if (!row.data.cancelable || row.data.status !== "processing")
            throw invalidRequest(
              `${nice(kind)} ${row.data.id} can no longer be canceled: its status is ${row.data.status}${row.data.status === "processing" ? " and it was already submitted to the network" : ""}. Wait for it to post, then ask the recipient to return the funds.`,
              { code: `${kind}_not_cancelable` },
            );
          unwind(ctx, kind, row.data, "canceled");
          return save(ctx, kind, row.owner, row.data, "canceled");
        },
      },
      { method: "POST", path: `${helpers}/post`, handler: helper(kind, "post") },
      { method: "POST", path: `${helpers}/fail`, handler: helper(kind, "fail") },
      { method: "POST", path: `${helpers}/return`, handler: helper(kind, "return") },
      { method: "POST", path: `${helpers}`, handler: helper(kind, "update") },
    );
    kernel.expanders.set(PREFIX[kind], (id, ctx) => {
      const row = ctx.tx.get(TABLE[kind], id);
      return row && row.owner === ctx.account ? row.data : null;
    });
  }
}
