import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { impactOn, type Journal } from "../../ledger/ledger";
import { hold } from "../../ledger/moves";
import { listV2, v2Page } from "../../wire/list";

import { newestFirst } from "../common";
import { iso, money, retrieveV2Route, saveV2, T, v2Money, type Json, type Money, type V2Object } from "./common";

/**
 * v2 Transactions: one per flow per financial account, with a TransactionEntry per ledger
 * journal. `pending` while a pending bucket is still impacted, then `posted` or `void`.
 */
type Impact = { available: Money; inbound_pending: Money; outbound_pending: Money };
export type V2Txn = V2Object & {
  financial_account: string;
  balance_impact: Impact;
  status: string;
  status_transitions: Json;
};
export type Category =
  | "inbound_transfer"
  | "outbound_payment"
  | "outbound_transfer"
  | "received_credit"
  | "received_debit"
  | "return"
  | "currency_conversion"
  | "adjustment";

export function openV2Txn(
  ctx: Ctx,
  owner: string,
  fa: string,
  category: Category,
  flow: { type: string; id: string },
  amount: Money,
): string {
  const id = ctx.id("trxn_test", 40);
  const zero = {
    available: money(0, amount.currency),
    inbound_pending: money(0, amount.currency),
    outbound_pending: money(0, amount.currency),
  };
  const txn: V2Txn = {
    id,
    object: "v2.money_management.transaction",
    amount,
    balance_impact: zero,
    category,
    created: iso(ctx),
    financial_account: fa,
    flow: { type: flow.type, [flow.type]: flow.id },
    livemode: false,
    status: "pending",
    status_transitions: {},
  };
  saveV2(ctx, T.txns, owner, txn, "created", {});
  return id;
}

/** Opens the sender's Transaction for an outbound flow and holds its amount (available → outbound_pending). */
export function holdOutbound(
  ctx: Ctx,
  fa: string,
  flow: { type: "outbound_payment" | "outbound_transfer"; id: string },
  amount: Money,
): string {
  const txn = openV2Txn(ctx, ctx.account, fa, flow.type, flow, money(-amount.value, amount.currency));
  addV2Entry(
    ctx,
    txn,
    v2Money(() =>
      hold(ctx.tx, { holder: fa, currency: amount.currency, amount: amount.value, flow, nowMs: ctx.nowMs }),
    ),
  );
  return txn;
}

/** Adds the journal's impact on the transaction's FA as an entry; `status` ends the transaction. */
export function addV2Entry(ctx: Ctx, txnId: string, journal: Journal, status?: "posted" | "void"): void {
  const row = ctx.tx.get<V2Txn>(T.txns, txnId);
  if (!row) throw new Error(`missing v2 transaction ${txnId}`);
  const txn = structuredClone(row.data);
  const i = impactOn(journal, txn.financial_account);
  const c = journal.currency;
  const impact: Impact = {
    available: money(i.cash, c),
    inbound_pending: money(i.inbound_pending, c),
    outbound_pending: money(i.outbound_pending, c),
  };
  const entry: V2Object = {
    id: ctx.id("trxne_test", 40),
    object: "v2.money_management.transaction_entry",
    balance_impact: impact,
    created: iso(ctx),
    effective_at: iso(ctx),
    livemode: false,
    transaction: txnId,
    transaction_details: { category: txn.category, financial_account: txn.financial_account, flow: txn.flow },
  };
  saveV2(ctx, T.entries, row.owner, entry);
  const b = txn.balance_impact;
  txn.balance_impact = {
    available: money(b.available.value + i.cash, c),
    inbound_pending: money(b.inbound_pending.value + i.inbound_pending, c),
    outbound_pending: money(b.outbound_pending.value + i.outbound_pending, c),
  };
  if (status) {
    txn.status = status;
    txn.status_transitions = { ...txn.status_transitions, [`${status}_at`]: iso(ctx) };
  }
  saveV2(ctx, T.txns, row.owner, txn, "updated");
}

/** A flow that completes at once (received credit/debit, a return): one posted transaction. */
export function postedV2Txn(
  ctx: Ctx,
  owner: string,
  fa: string,
  category: Category,
  flow: { type: string; id: string },
  journal: Journal,
): string {
  const id = openV2Txn(ctx, owner, fa, category, flow, money(impactOn(journal, fa).cash, journal.currency));
  addV2Entry(ctx, id, journal, "posted");
  return id;
}

export function registerV2TransactionRoutes(kernel: Kernel): void {
  const base = "/v2/money_management";
  kernel.router.add(
    {
      method: "GET",
      path: `${base}/transactions`,
      handler: (ctx) => {
        const token = v2Page(ctx.params, ["financial_account", "flow"]);
        const f = token.filters;
        const items = newestFirst<V2Txn>(
          ctx,
          T.txns,
          (r) =>
            (!f.financial_account || r.data.financial_account === f.financial_account) &&
            (!f.flow || Object.values(r.data.flow as Json).includes(f.flow)),
        );
        return listV2(items, token, `${base}/transactions`);
      },
    },
    retrieveV2Route(`${base}/transactions`, T.txns, "transaction"),
    {
      method: "GET",
      path: `${base}/transaction_entries`,
      handler: (ctx) => {
        const token = v2Page(ctx.params, ["transaction"]);
        const items = newestFirst<V2Object>(
          ctx,
          T.entries,
          (r) => !token.filters.transaction || r.data.transaction === token.filters.transaction,
        );
        return listV2(items, token, `${base}/transaction_entries`);
      },
    },
    retrieveV2Route(`${base}/transaction_entries`, T.entries, "transaction entry"),
  );
}
