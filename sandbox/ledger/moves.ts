import type { Tx } from "../store/store";
import { assertAmount, EXTERNAL, post, type Journal } from "./ledger";

/**
 * The named money movements every flow is built from. Each books one journal and returns it
 * (callers turn `impactOn(journal, holder)` into Treasury/v2 transaction entries).
 * `holder` is a financial account id (v1 or v2) or an Issuing balance (`issuing:<acct>`).
 */
export type Flow = { type: string; id: string };
type Common = { holder: string; currency: string; amount: number; flow: Flow; nowMs: number };

function one(
  tx: Tx,
  c: Common,
  lines: Array<[string, "cash" | "inbound_pending" | "outbound_pending", number]>,
): Journal {
  assertAmount(c.amount);
  return post(tx, {
    currency: c.currency,
    flow: c.flow,
    nowMs: c.nowMs,
    lines: lines.map(([holder, bucket, amount]) => ({ holder, bucket, amount })),
  });
}

/** Money arrives and is spendable at once (ReceivedCredit, top-up, refund): external → cash. */
export const credit = (tx: Tx, c: Common, from: string = EXTERNAL.bank) =>
  one(tx, c, [
    [from, "cash", -c.amount],
    [c.holder, "cash", c.amount],
  ]);

/** Money leaves at once (ReceivedDebit, capture without hold, payout): cash → external. Throws insufficient_funds. */
export const debit = (tx: Tx, c: Common, to: string = EXTERNAL.bank) =>
  one(tx, c, [
    [c.holder, "cash", -c.amount],
    [to, "cash", c.amount],
  ]);

/** Reserve funds for something in flight (outbound payment/transfer, card authorization): cash → outbound_pending. */
export const hold = (tx: Tx, c: Common) =>
  one(tx, c, [
    [c.holder, "cash", -c.amount],
    [c.holder, "outbound_pending", c.amount],
  ]);

/** Undo (part of) a hold (failed/canceled flow, reversed authorization): outbound_pending → cash. */
export const release = (tx: Tx, c: Common) =>
  one(tx, c, [
    [c.holder, "outbound_pending", -c.amount],
    [c.holder, "cash", c.amount],
  ]);

/** The held money leaves (posted payment, captured authorization): outbound_pending → external. */
export const settleHold = (tx: Tx, c: Common, to: string = EXTERNAL.bank) =>
  one(tx, c, [
    [c.holder, "outbound_pending", -c.amount],
    [to, "cash", c.amount],
  ]);

/** Money announced but not yet arrived (InboundTransfer): external → inbound_pending. */
export const expectInbound = (tx: Tx, c: Common, from: string = EXTERNAL.bank) =>
  one(tx, c, [
    [from, "cash", -c.amount],
    [c.holder, "inbound_pending", c.amount],
  ]);

/** Announced money arrives: inbound_pending → cash. */
export const settleInbound = (tx: Tx, c: Common) =>
  one(tx, c, [
    [c.holder, "inbound_pending", -c.amount],
    [c.holder, "cash", c.amount],
  ]);

/** Announced money never comes: inbound_pending → external. */
export const cancelInbound = (tx: Tx, c: Common, to: string = EXTERNAL.bank) =>
  one(tx, c, [
    [c.holder, "inbound_pending", -c.amount],
    [to, "cash", c.amount],
  ]);

/**
 * Currency conversion (USD → USDC): two journals, one per currency, through the FX desk,
 * so each currency still sums to zero on its own.
 */
export function convert(
  tx: Tx,
  from: { holder: string; currency: string; amount: number; bucket: "cash" | "outbound_pending" },
  to: { holder: string; currency: string; amount: number },
  flow: Flow,
  nowMs: number,
): [Journal, Journal] {
  assertAmount(from.amount);
  assertAmount(to.amount);
  const out = post(tx, {
    currency: from.currency,
    flow,
    nowMs,
    lines: [
      { holder: from.holder, bucket: from.bucket, amount: -from.amount },
      { holder: EXTERNAL.fx, bucket: "cash", amount: from.amount },
    ],
  });
  const into = post(tx, {
    currency: to.currency,
    flow,
    nowMs,
    lines: [
      { holder: EXTERNAL.fx, bucket: "cash", amount: -to.amount },
      { holder: to.holder, bucket: "cash", amount: to.amount },
    ],
  });
  return [out, into];
}
