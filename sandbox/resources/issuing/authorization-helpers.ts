import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { ApiError, invalidRequest } from "../../wire/errors";
import { LedgerError } from "../../ledger/ledger";

import { loadCard, requireIssuing } from "./common";
import { holdForAuth, releaseForAuth } from "./funding";
import { countSpend, loadAuth, saveAuth, type Auth, type AuthRow } from "./auth-model";
import { decide } from "./decision";
import { createTxn, requireCash } from "./transactions";

/**
 * Test helpers that move a pending authorization on: capture (full, partial, over-capture,
 * multi-capture with `close_authorization=false`), expire, reverse (full or partial),
 * increment (a new decision, through the real-time endpoint again) and finalize_amount.
 * Each releases or adds to the hold through the card's funding source and emits
 * `issuing_authorization.updated` (captures also `issuing_transaction.created`).
 */
function pendingAuth(ctx: Ctx, action: string): AuthRow {
  requireIssuing(ctx);
  const row = loadAuth(ctx, ctx.path.id ?? "");
  if (row.data.status !== "pending")
    throw invalidRequest(
      `Cannot ${action} authorization ${row.data.id}: its status is ${row.data.status}; only pending authorizations can be ${action === "capture" ? "captured" : `${action}d`}.`,
    );
  return row;
}

/** Releases `amount` of the hold; closing with `status` when nothing is left held or `closeAs` is given. */
function releaseHeld(
  ctx: Ctx,
  row: AuthRow,
  amount: number,
  closeAs: Stripe.Issuing.Authorization.Status | null,
): { a: Auth; extra: AuthRow["extra"] } {
  const a = structuredClone(row.data);
  const extra = structuredClone(row.extra);
  const final = closeAs !== null || extra.held - amount === 0;
  releaseForAuth(ctx, extra.funding, a.id, amount, extra.money, final);
  extra.held -= amount;
  countSpend(ctx, a, extra, -amount);
  if (closeAs) a.status = closeAs;
  return { a, extra };
}

function capture(ctx: Ctx): Auth {
  const row = pendingAuth(ctx, "capture");
  const p = ctx.params;
  const amount = (p.capture_amount as number | undefined) ?? row.extra.held;
  if (amount <= 0) throw invalidRequest("capture_amount must be positive.", { param: "capture_amount" });
  const close = p.close_authorization !== false;
  const released = close ? row.extra.held : Math.min(amount, row.extra.held);
  const card = loadCard(ctx, row.data.card as unknown as string);
  requireCash(ctx, card, amount, released);
  const { a, extra } = releaseHeld(ctx, row, released, close ? "closed" : null);
  const t = createTxn(ctx, card, {
    type: "capture",
    amount,
    authorization: a.id,
    merchant: a.merchant_data,
    merchant_currency: a.merchant_currency,
    spend_ms: extra.spend_ms,
  });
  a.transactions = [...(a.transactions as unknown as string[]), t.id] as unknown as Auth["transactions"];
  if (a.treasury && t.treasury?.received_debit)
    a.treasury = { ...a.treasury, received_debits: [...a.treasury.received_debits, t.treasury.received_debit] };
  return saveAuth(ctx, row, a, extra);
}

function reverse(ctx: Ctx): Auth {
  const row = pendingAuth(ctx, "reverse");
  const amount = (ctx.params.reverse_amount as number | undefined) ?? row.extra.held;
  if (amount <= 0 || amount > row.extra.held)
    throw invalidRequest(`reverse_amount must be between 1 and ${row.extra.held}, the amount still held.`, {
      param: "reverse_amount",
    });
  const { a, extra } = releaseHeld(ctx, row, amount, amount === row.extra.held ? "reversed" : null);
  a.amount -= amount;
  a.merchant_amount -= amount;
  return saveAuth(ctx, row, a, extra);
}

function expire(ctx: Ctx): Auth {
  const row = pendingAuth(ctx, "expire");
  const { a, extra } = releaseHeld(ctx, row, row.extra.held, "expired");
  return saveAuth(ctx, row, a, extra);
}

/** Moves the hold to the final amount (fuel-style estimates); more needs the funds to be there. */
function finalizeAmount(ctx: Ctx): Auth {
  const row = pendingAuth(ctx, "finalize");
  const final = Number(ctx.params.final_amount);
  const diff = final - row.extra.held;
  if (diff < 0) {
    const { a, extra } = releaseHeld(ctx, row, -diff, null);
    return saveAuth(ctx, row, { ...a, amount: final, merchant_amount: final }, extra);
  }
  const a = structuredClone(row.data);
  const extra = structuredClone(row.extra);
  if (diff > 0) {
    try {
      holdForAuth(ctx, extra.funding, a.id, diff, extra.money);
    } catch (err) {
      if (!(err instanceof LedgerError)) throw err;
      throw new ApiError(400, {
        type: "invalid_request_error",
        code: "insufficient_funds",
        param: "final_amount",
        message: `The card's funding source cannot hold ${diff} more.`,
      });
    }
    extra.held += diff;
    countSpend(ctx, a, extra, diff);
  }
  return saveAuth(ctx, row, { ...a, amount: final, merchant_amount: final }, extra);
}

function increment(ctx: Ctx): unknown {
  const row = pendingAuth(ctx, "increment");
  const amount = Number(ctx.params.increment_amount);
  const card = loadCard(ctx, row.data.card as unknown as string);
  const req = {
    amount,
    merchant_amount: amount,
    merchant_currency: row.data.merchant_currency,
    is_amount_controllable: ctx.params.is_amount_controllable === true,
    amount_details: row.data.amount_details,
  };
  return decide(ctx, card, { auth: row.data, extra: row.extra, before: row, req });
}

export function registerAuthorizationHelpers(kernel: Kernel): void {
  const base = "/v1/test_helpers/issuing/authorizations/:id";
  kernel.router.add(
    { method: "POST", path: `${base}/capture`, handler: capture },
    { method: "POST", path: `${base}/expire`, handler: expire },
    { method: "POST", path: `${base}/reverse`, handler: reverse },
    { method: "POST", path: `${base}/increment`, handler: increment },
    { method: "POST", path: `${base}/finalize_amount`, handler: finalizeAmount },
  );
}
