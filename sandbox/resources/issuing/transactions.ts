import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { ApiError, invalidRequest } from "../../wire/errors";
import { listV1 } from "../../wire/list";

import { metadataUpdate, newestFirst } from "../common";
import { emitSaved, loadCard, owned, requireIssuing, TABLES, type CardRow, type Funding, type Json } from "./common";
import { availableCash, inFunding, moveCardMoney } from "./funding";
import { addSpend } from "./spend";
import { merchantData } from "./authorizations";

/**
 * Issuing transactions: captures (negative `amount`, money out) and refunds (positive, money
 * back), linked to an authorization or not (force captures, unlinked refunds). Each one moves
 * money through its card's funding source (`funding.ts`) and counts toward spending limits.
 */
export type Txn = Stripe.Issuing.Transaction;
export type TxnExtra = { funding: Funding; refunded: number; holder: string };
export type TxnRow = { owner: string; data: Txn; extra: TxnExtra };

export const loadTxn = (ctx: Ctx, id: string, param?: string) =>
  owned<Txn>(ctx, TABLES.txns, id, "issuing.transaction", param) as TxnRow;

export function saveTxn(ctx: Ctx, before: TxnRow | null, next: Txn, extra: TxnExtra): Txn {
  ctx.tx.put(TABLES.txns, next.id, { owner: before?.owner ?? ctx.account, data: next, extra });
  emitSaved(ctx, "issuing_transaction", before && before.data, next);
  return next;
}

/** A debit the card's funding cannot cover is refused (Stripe would let the balance go negative) [deviation]. */
export function requireCash(ctx: Ctx, card: CardRow, amount: number, alsoReleased = 0): void {
  const f = card.extra.funding;
  if (availableCash(ctx, f) + inFunding(ctx, f, alsoReleased) >= inFunding(ctx, f, amount)) return;
  throw new ApiError(400, {
    type: "invalid_request_error",
    code: "insufficient_funds",
    param: "amount",
    message: `The card's funding source cannot cover ${amount} ${card.data.currency}; the sandbox never lets a balance go negative.`,
  });
}

/** Creates a capture (`type: capture`, amount > 0 spent) or refund and moves its money. */
export function createTxn(
  ctx: Ctx,
  card: CardRow,
  o: {
    type: "capture" | "refund";
    amount: number;
    authorization: string | null;
    merchant: Txn["merchant_data"];
    merchant_currency: string;
    spend_ms?: number;
  },
): Txn {
  const id = ctx.id("ipi");
  const money = moveCardMoney(
    ctx,
    card.extra.funding,
    o.type === "capture" ? "debit" : "credit",
    o.amount,
    card.data.id,
    { authorization: o.authorization, transaction: id },
  );
  const signed = o.type === "capture" ? -o.amount : o.amount;
  const holder = card.data.cardholder as unknown as string;
  const t = {
    id,
    object: "issuing.transaction",
    amount: signed,
    amount_details: { atm_fee: null, cashback_amount: null },
    authorization: o.authorization,
    balance_transaction: money.balance_transaction,
    card: card.data.id,
    cardholder: holder,
    created: ctx.now,
    currency: card.data.currency,
    dispute: null,
    livemode: false,
    merchant_amount: signed,
    merchant_currency: o.merchant_currency,
    merchant_data: o.merchant,
    metadata: {},
    network_data: {
      authorization_code: null,
      processing_date: new Date(ctx.nowMs).toISOString().slice(0, 10),
      transaction_id: null,
    },
    token: null,
    treasury:
      card.extra.funding.kind === "financial_account"
        ? { received_credit: money.received_credit, received_debit: money.received_debit }
        : null,
    type: o.type,
    wallet: null,
  } as unknown as Txn;
  addSpend(ctx, [card.data.id, holder], o.spend_ms ?? ctx.nowMs, o.merchant.category, -signed);
  return saveTxn(ctx, null, t, { funding: card.extra.funding, refunded: 0, holder });
}

function standalone(type: "capture" | "refund") {
  return (ctx: Ctx): Txn => {
    requireIssuing(ctx);
    const p = ctx.params;
    const card = loadCard(ctx, String(p.card), "card");
    const amount = Number(p.amount);
    if (!(amount > 0)) throw invalidRequest("amount must be a positive integer.", { param: "amount" });
    if (type === "capture") requireCash(ctx, card, amount);
    return createTxn(ctx, card, {
      type,
      amount,
      authorization: null,
      merchant: merchantData(p.merchant_data as Json | undefined),
      merchant_currency: card.data.currency,
    });
  };
}

function refund(ctx: Ctx): Txn {
  requireIssuing(ctx);
  const row = loadTxn(ctx, ctx.path.id ?? "");
  if (row.data.type !== "capture")
    throw invalidRequest(`Transaction ${row.data.id} is a refund; only captures can be refunded.`);
  const left = -row.data.amount - row.extra.refunded;
  const amount = (ctx.params.refund_amount as number | undefined) ?? left;
  if (amount <= 0 || amount > left)
    throw invalidRequest(`refund_amount must be between 1 and ${left}, what is left to refund of ${row.data.id}.`, {
      param: "refund_amount",
    });
  const card = loadCard(ctx, row.data.card as string);
  ctx.tx.put(TABLES.txns, row.data.id, { ...row, extra: { ...row.extra, refunded: row.extra.refunded + amount } });
  return createTxn(ctx, card, {
    type: "refund",
    amount,
    authorization: row.data.authorization as string | null,
    merchant: row.data.merchant_data,
    merchant_currency: row.data.merchant_currency,
  });
}

export function registerTransactionRoutes(kernel: Kernel): void {
  const base = "/v1/issuing/transactions";
  kernel.router.add(
    { method: "GET", path: `${base}/:id`, handler: (ctx) => loadTxn(ctx, ctx.path.id ?? "").data },
    { method: "POST", path: `${base}/:id`, handler: metadataUpdate(loadTxn, saveTxn) },
    {
      method: "GET",
      path: base,
      handler: (ctx) => {
        const p = ctx.params;
        const keep = (t: Txn) =>
          (!p.card || t.card === p.card) &&
          (!p.cardholder || t.cardholder === p.cardholder) &&
          (!p.type || t.type === p.type);
        return listV1(
          newestFirst<Txn>(ctx, TABLES.txns, (r) => keep(r.data)),
          p,
          base,
          "issuing.transaction",
        );
      },
    },
    {
      method: "POST",
      path: "/v1/test_helpers/issuing/transactions/create_force_capture",
      handler: standalone("capture"),
    },
    {
      method: "POST",
      path: "/v1/test_helpers/issuing/transactions/create_unlinked_refund",
      handler: standalone("refund"),
    },
    { method: "POST", path: "/v1/test_helpers/issuing/transactions/:id/refund", handler: refund },
  );
  kernel.expanders.set("ipi", (id, ctx) => {
    const row = ctx.tx.get(TABLES.txns, id);
    return row && row.owner === ctx.account ? row.data : null;
  });
}
