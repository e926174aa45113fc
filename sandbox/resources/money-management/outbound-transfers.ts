import { createHash } from "node:crypto";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { v2Error } from "../../wire/errors";
import { listV2, v2Page } from "../../wire/list";

import { EXTERNAL } from "../../ledger/ledger";
import { convert, credit, release, settleHold } from "../../ledger/moves";
import { newestFirst } from "../common";
import {
  amountOf,
  invalidField,
  iso,
  money,
  notCancelable,
  ownedV2,
  requireStorer,
  retrieveV2Route,
  saveV2,
  T,
  type Json,
  type Money,
  type V2Object,
} from "./common";
import { outboundSource } from "./financial-accounts";
import { isArchived, type PayoutMethod } from "./payout-methods";
import { addV2Entry, holdOutbound, postedV2Txn } from "./transactions";

/**
 * v2 OutboundTransfers: from a FA to the account's own payout method (crypto wallet or bank
 * account). processing (available → outbound_pending) → posted | failed | canceled;
 * posted → returned. `/_sandbox/v2/outbound_transfers/:id/{post,fail,return}` drive them.
 */
export type Obt = V2Object & {
  status: string;
  cancelable: boolean;
  amount: Money;
  from: { financial_account: string; debited: Money };
  to: { payout_method: string; credited: Money };
  status_transitions: Json;
  status_details?: Json;
};
type ObtExtra = { txn: string; owner: string };

/** Units of `to` per unit of `from` (1 when equal), or null when the sandbox has no rate. */
function rate(ctx: Ctx, from: string, to: string): number | null {
  return from === to ? 1 : (ctx.kernel.config.fxRates[`${from}:${to}`] ?? null);
}

/** `rate`, or a 400 on `to.currency` telling how to set the missing rate. */
export function requireRate(ctx: Ctx, from: string, to: string): number {
  const r = rate(ctx, from, to);
  if (r === null)
    throw invalidField(
      "to.currency",
      `The sandbox has no ${from}→${to} rate; set one with POST /_sandbox/config {"fx_rates": {"${from}:${to}": 1}}.`,
    );
  return r;
}

function create(ctx: Ctx): V2Object {
  const p = ctx.params;
  const from = p.from as { financial_account: string; currency: string };
  const to = p.to as { payout_method: string; currency?: string };
  const amount = amountOf(p.amount);
  const fa = outboundSource(ctx, from, amount);
  const pm = ownedV2<PayoutMethod>(ctx, T.pms, to.payout_method, "payout method", "to.payout_method").data;
  if (isArchived(pm) || pm.usage_status.transfers !== "eligible") {
    throw v2Error(
      400,
      "invalid_payout_method",
      "invalid_payout_method",
      `Payout method ${pm.id} is not eligible for transfers (${isArchived(pm) ? "archived" : `usage_status.transfers: ${pm.usage_status.transfers}`}). Unarchive it or set up a new one with an OutboundSetupIntent.`,
    );
  }
  requireStorer(
    ctx,
    ctx.account,
    `outbound_transfers.${pm.type === "crypto_wallet" ? "crypto_wallets" : "bank_accounts"}`,
  );
  const bankCurrencies = (pm.bank_account?.supported_currencies as string[] | undefined) ?? [];
  const toCurrency = to.currency ?? (pm.type === "crypto_wallet" ? "usdc" : (bankCurrencies[0] ?? from.currency));
  if (pm.type === "crypto_wallet" && toCurrency !== "usdc")
    throw invalidField("to.currency", "Crypto wallet payouts are in usdc.");
  if (pm.type === "bank_account" && !bankCurrencies.includes(toCurrency))
    throw invalidField("to.currency", `This bank account receives ${bankCurrencies.join(", ")}, not ${toCurrency}.`);
  const r = requireRate(ctx, from.currency, toCurrency);
  const id = ctx.id("obt_test", 40);
  const txn = holdOutbound(ctx, fa.id, { type: "outbound_transfer", id }, amount);
  const obt: Obt = {
    // v2 leaves out what it does not have (no delivery options, no status details or transitions yet, no trace value).
    id,
    object: "v2.money_management.outbound_transfer",
    amount,
    cancelable: true,
    created: iso(ctx),
    ...(typeof p.description === "string" ? { description: p.description } : {}),
    expected_arrival_date: new Date(ctx.nowMs + 86400_000).toISOString(),
    from: { financial_account: fa.id, debited: amount },
    livemode: false,
    metadata: (p.metadata as Json | undefined) ?? {},
    statement_descriptor: (p.statement_descriptor as string | undefined) ?? "transfer",
    status: "processing",
    status_transitions: {},
    to: { payout_method: pm.id, credited: money(Math.round(amount.value * r), toCurrency) },
    trace_id: { status: "pending" },
  };
  ctx.tx.put(T.obts, id, { owner: ctx.account, data: obt, extra: { txn, owner: ctx.account } satisfies ObtExtra });
  return saveV2(ctx, T.obts, ctx.account, obt, "created");
}

/** The reasons the SDK lists for `status_details.failed` / `.returned` (the controls take only these). */
const REASONS: Record<"fail" | "return", string[]> = {
  fail: [
    "payout_method_declined",
    "payout_method_does_not_exist",
    "payout_method_expired",
    "payout_method_unsupported",
    "payout_method_usage_frequency_limit_exceeded",
    "unknown_failure",
  ],
  return: [
    "payout_method_canceled_by_customer",
    "payout_method_closed",
    "payout_method_currency_unsupported",
    "payout_method_does_not_exist",
    "payout_method_holder_address_incorrect",
    "payout_method_holder_details_incorrect",
    "payout_method_holder_name_incorrect",
    "payout_method_invalid_account_number",
    "payout_method_restricted",
    "recalled",
    "unknown_failure",
  ],
};

/** Moves a processing/posted transfer on; used by the `/_sandbox` controls and the cancel endpoint. */
export function advanceObt(ctx: Ctx, id: string, action: "post" | "fail" | "return" | "cancel", reason?: string): Obt {
  if (reason !== undefined && (action === "fail" || action === "return") && !REASONS[action].includes(reason)) {
    throw v2Error(
      400,
      "invalid_request_error",
      "invalid_fields",
      `A ${action === "fail" ? "failed" : "returned"} transfer's reason is one of ${REASONS[action].join(", ")}.`,
      { param: "reason" },
    );
  }
  const row = ctx.tx.get<Obt>(T.obts, id);
  if (!row || (ctx.isConnected && row.owner !== ctx.account))
    throw v2Error(404, "invalid_request_error", "not_found", `The outbound transfer ${id} was not found.`);
  const obt = structuredClone(row.data);
  const extra = row.extra as ObtExtra;
  const c = {
    holder: obt.from.financial_account,
    currency: obt.amount.currency,
    amount: obt.amount.value,
    flow: { type: "outbound_transfer", id },
    nowMs: ctx.nowMs,
  };
  const need = action === "return" ? "posted" : "processing";
  if (obt.status !== need) {
    if (action === "cancel") throw notCancelable("outbound transfer", id, obt.status);
    throw v2Error(
      400,
      "invalid_request_error",
      "invalid_fields",
      `Outbound transfer ${id} is ${obt.status}; it must be ${need} to ${action} it.`,
    );
  }
  const crypto = ctx.tx.get<PayoutMethod>(T.pms, obt.to.payout_method)?.data.type === "crypto_wallet";
  if (action === "post") {
    const out =
      obt.to.credited.currency === obt.amount.currency
        ? settleHold(ctx.tx, c, crypto ? EXTERNAL.crypto : EXTERNAL.bank)
        : convert(
            ctx.tx,
            { ...c, bucket: "outbound_pending" },
            {
              holder: crypto ? EXTERNAL.crypto : EXTERNAL.bank,
              currency: obt.to.credited.currency,
              amount: obt.to.credited.value,
            },
            c.flow,
            ctx.nowMs,
          )[0];
    addV2Entry(ctx, extra.txn, out, "posted");
    obt.status = "posted";
    obt.trace_id = {
      status: "supported",
      value: crypto ? `0x${createHash("sha256").update(id).digest("hex")}` : ctx.id("trace", 15),
    };
  } else if (action === "fail" || action === "cancel") {
    addV2Entry(ctx, extra.txn, release(ctx.tx, c), "void");
    obt.status = action === "fail" ? "failed" : "canceled";
    if (action === "fail") obt.status_details = { failed: { reason: reason ?? "payout_method_declined" } };
  } else {
    const back = credit(ctx.tx, c, crypto ? EXTERNAL.crypto : EXTERNAL.bank);
    postedV2Txn(ctx, row.owner, obt.from.financial_account, "return", { type: "outbound_transfer", id }, back);
    obt.status = "returned";
    obt.status_details = { returned: { reason: reason ?? "payout_method_closed" } };
  }
  obt.cancelable = false;
  obt.status_transitions = { ...obt.status_transitions, [`${obt.status}_at`]: iso(ctx) };
  const sys = { ...ctx, account: row.owner, isConnected: row.owner !== ctx.platform };
  saveV2(sys, T.obts, row.owner, obt, "updated");
  return saveV2(sys, T.obts, row.owner, obt, obt.status) as Obt;
}

export function registerV2OutboundTransferRoutes(kernel: Kernel): void {
  const base = "/v2/money_management/outbound_transfers";
  kernel.router.add(
    { method: "POST", path: base, handler: create },
    retrieveV2Route(base, T.obts, "outbound transfer"),
    {
      method: "GET",
      path: base,
      handler: (ctx) => {
        const token = v2Page(ctx.params, ["status"]);
        const statuses = token.filters.status as string[] | undefined;
        return listV2(
          newestFirst<Obt>(ctx, T.obts, (r) => !statuses || statuses.includes(r.data.status)),
          token,
          base,
        );
      },
    },
    {
      method: "POST",
      path: `${base}/:id/cancel`,
      handler: (ctx) => (
        ownedV2(ctx, T.obts, ctx.path.id ?? "", "outbound transfer"),
        advanceObt(ctx, ctx.path.id ?? "", "cancel")
      ),
    },
  );
}
