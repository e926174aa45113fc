import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { impactOn, type Journal } from "../../ledger/ledger";

import { newestFirst, ownedRow } from "../common";
import { listByFaRoute, requireTreasury } from "./common";

type Txn = Stripe.Treasury.Transaction;
type Entry = Stripe.Treasury.TransactionEntry;
export const TXNS = "treasury_transactions";
export const ENTRIES = "treasury_transaction_entries";

/** Opens the Treasury Transaction that a flow's entries accumulate into (`amount` is what the flow does to the balance when it completes). */
export function openTxn(
  ctx: Ctx,
  fa: string,
  flow: { type: Stripe.Treasury.Transaction.FlowType; id: string },
  currency: string,
  amount: number,
  description: string,
): string {
  const id = ctx.id("trxn");
  const txn: Txn = {
    id,
    object: "treasury.transaction",
    amount,
    balance_impact: { cash: 0, inbound_pending: 0, outbound_pending: 0 },
    created: ctx.now,
    currency,
    description,
    financial_account: fa,
    flow: flow.id,
    flow_type: flow.type,
    livemode: false,
    status: "open",
    status_transitions: { posted_at: null, void_at: null },
  };
  ctx.tx.put(TXNS, id, { owner: ctx.account, data: txn });
  return id;
}

/**
 * Records one ledger journal as a TransactionEntry of `txnId` and folds its impact on the FA
 * into the transaction; `status` moves the transaction to posted/void when the flow ends.
 */
export function addEntry(
  ctx: Ctx,
  txnId: string,
  type: Stripe.Treasury.TransactionEntry.Type,
  journal: Journal,
  status?: "posted" | "void",
): Txn {
  const row = ctx.tx.get<Txn>(TXNS, txnId);
  if (!row) throw new Error(`missing treasury transaction ${txnId}`);
  const txn = structuredClone(row.data);
  const impact = impactOn(journal, txn.financial_account);
  const entryId = ctx.id("trxne");
  const entry: Entry = {
    id: entryId,
    object: "treasury.transaction_entry",
    balance_impact: impact,
    created: ctx.now,
    currency: txn.currency,
    effective_at: ctx.now,
    financial_account: txn.financial_account,
    flow: txn.flow,
    flow_type: txn.flow_type as Stripe.Treasury.TransactionEntry.FlowType,
    livemode: false,
    transaction: txnId,
    type,
  };
  ctx.tx.put(ENTRIES, entryId, { owner: row.owner, data: entry });
  txn.balance_impact = {
    cash: txn.balance_impact.cash + impact.cash,
    inbound_pending: txn.balance_impact.inbound_pending + impact.inbound_pending,
    outbound_pending: txn.balance_impact.outbound_pending + impact.outbound_pending,
  };
  if (status === "posted") txn.status_transitions = { ...txn.status_transitions, posted_at: ctx.now };
  if (status === "void") txn.status_transitions = { ...txn.status_transitions, void_at: ctx.now };
  if (status) txn.status = status;
  ctx.tx.put(TXNS, txnId, { owner: row.owner, data: txn });
  return txn;
}

/** A flow that starts and finishes at once (ReceivedCredit/Debit, a return): one posted transaction with one entry. */
export function postedTxn(
  ctx: Ctx,
  fa: string,
  flow: { type: Stripe.Treasury.Transaction.FlowType; id: string },
  type: Stripe.Treasury.TransactionEntry.Type,
  journal: Journal,
  description: string,
): string {
  const cash = impactOn(journal, fa).cash;
  const id = openTxn(ctx, fa, flow, journal.currency, cash, description);
  addEntry(ctx, id, type, journal, "posted");
  return id;
}

function entriesList(ctx: Ctx, txnId: string) {
  const data = newestFirst<Entry>(ctx, ENTRIES, (r) => r.data.transaction === txnId);
  return { object: "list", data, has_more: false, url: `/v1/treasury/transaction_entries?transaction=${txnId}` };
}

export function registerTreasuryTransactionRoutes(kernel: Kernel): void {
  kernel.router.add(
    listByFaRoute("/v1/treasury/transactions", TXNS, "treasury.transaction", ["status", "flow_type"]),
    {
      method: "GET",
      path: "/v1/treasury/transactions/:id",
      handler: (ctx) => (
        requireTreasury(ctx),
        ownedRow<Txn>(ctx, TXNS, ctx.path.id ?? "", "treasury.transaction").data
      ),
    },
    listByFaRoute("/v1/treasury/transaction_entries", ENTRIES, "treasury.transaction_entry", ["transaction"]),
    {
      method: "GET",
      path: "/v1/treasury/transaction_entries/:id",
      handler: (ctx) => (
        requireTreasury(ctx),
        ownedRow<Entry>(ctx, ENTRIES, ctx.path.id ?? "", "treasury.transaction_entry").data
      ),
    },
  );
  kernel.expanders.set("trxn", (id, ctx) => {
    const row = ctx.tx.get<Txn>(TXNS, id);
    return row && row.owner === ctx.account ? (row.data as unknown as Record<string, unknown>) : null;
  });
  // `entries` exists only on retrieve with expand (Stripe: "cannot be expanded in any list endpoints").
  kernel.fieldExpanders.set("treasury.transaction.entries", (obj, ctx) => entriesList(ctx, String(obj.id)));
}
