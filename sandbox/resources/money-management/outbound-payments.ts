import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { v2Error } from "../../wire/errors";
import { listV2, v2Page } from "../../wire/list";

import { convert } from "../../ledger/moves";
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
  type V2Object,
} from "./common";
import { holds, outboundSource, requireOpen, type V2Fa } from "./financial-accounts";
import { receiveV2Credit } from "./received";
import { addV2Entry, holdOutbound } from "./transactions";
import { requireRate } from "./outbound-transfers";

/**
 * v2 OutboundPayments from a FA to a recipient account's FA (`to.payout_method` = that FA),
 * converting currencies on the way (USD → USDC at `fx_rates["usd:usdc"]`, 1 by default).
 * Between financial accounts money moves inside Stripe, so the sandbox posts at once:
 * the response is `posted`, `from.debited` left the sender and `to.credited` arrived as a
 * ReceivedCredit (`type: balance_transfer`) on the recipient's FA. [guess: Stripe may
 * answer `processing` first]
 */
function create(ctx: Ctx): V2Object {
  const p = ctx.params;
  const from = p.from as { financial_account: string; currency: string };
  const to = p.to as { recipient: string; payout_method?: string; currency?: string };
  const amount = amountOf(p.amount);
  const fa = outboundSource(ctx, from, amount);
  requireStorer(ctx, ctx.account, "outbound_payments.financial_accounts");
  const recipient = ctx.tx.get("accounts", to.recipient);
  if (!recipient || recipient.owner !== ctx.platform)
    throw invalidField("to.recipient", `No such recipient account: '${to.recipient}'.`);
  const destRow = to.payout_method ? ctx.tx.get<V2Fa>(T.fas, to.payout_method) : undefined;
  if (!destRow || destRow.owner !== to.recipient) {
    throw v2Error(
      400,
      "invalid_payout_method",
      "invalid_payout_method",
      `The sandbox pays recipients into their financial accounts: set to.payout_method to a financial account (fa_…) that ${to.recipient} owns.`,
      { param: "to.payout_method" },
    );
  }
  const dest = destRow.data;
  requireOpen(dest);
  const toCurrency = to.currency ?? from.currency;
  holds(dest, toCurrency, "to.currency");
  requireStorer(ctx, to.recipient, `holds_currencies.${toCurrency}`);
  const r = requireRate(ctx, from.currency, toCurrency);
  const credited = money(Math.round(amount.value * r), toCurrency);
  if (credited.value <= 0)
    throw invalidField("amount.value", "The amount is too small to convert into at least one minor unit.");
  const id = ctx.id("obp_test", 40);
  const flow = { type: "outbound_payment" as const, id };
  const txn = holdOutbound(ctx, fa.id, flow, amount);
  const obp: V2Object = {
    // v2 leaves out what it does not have (no delivery options or status details; between FAs there is no trace value).
    id,
    object: "v2.money_management.outbound_payment",
    amount,
    cancelable: false,
    created: iso(ctx),
    ...(typeof p.description === "string" ? { description: p.description } : {}),
    expected_arrival_date: iso(ctx),
    from: { financial_account: fa.id, debited: amount },
    livemode: false,
    metadata: (p.metadata as Json | undefined) ?? {},
    recipient_notification: { setting: "none" },
    statement_descriptor: (p.statement_descriptor as string | undefined) ?? "payment",
    status: "processing",
    status_transitions: {},
    to: { recipient: to.recipient, payout_method: dest.id, credited },
    trace_id: { status: "unsupported" },
  };
  saveV2(ctx, T.obps, ctx.account, obp, "created");
  const [out, into] = convert(
    ctx.tx,
    { holder: fa.id, currency: amount.currency, amount: amount.value, bucket: "outbound_pending" },
    { holder: dest.id, currency: credited.currency, amount: credited.value },
    flow,
    ctx.nowMs,
  );
  addV2Entry(ctx, txn, out, "posted");
  receiveV2Credit(ctx, dest, to.recipient, credited, {
    type: "balance_transfer",
    journal: into,
    description: obp.description as string | undefined,
    details: { type: "outbound_payment", from_account: ctx.account, outbound_payment: id },
  });
  obp.status = "posted";
  obp.status_transitions = { ...(obp.status_transitions as Json), posted_at: iso(ctx) };
  saveV2(ctx, T.obps, ctx.account, obp, "updated");
  return saveV2(ctx, T.obps, ctx.account, obp, "posted");
}

export function registerV2OutboundPaymentRoutes(kernel: Kernel): void {
  const base = "/v2/money_management/outbound_payments";
  kernel.router.add(
    { method: "POST", path: base, handler: create },
    retrieveV2Route(base, T.obps, "outbound payment"),
    {
      method: "GET",
      path: base,
      handler: (ctx) => {
        const token = v2Page(ctx.params, ["recipient", "status"]);
        const f = token.filters;
        return listV2(
          newestFirst<V2Object>(
            ctx,
            T.obps,
            (r) =>
              (!f.recipient || (r.data.to as Json).recipient === f.recipient) &&
              (!f.status || (f.status as string[]).includes(String(r.data.status))),
          ),
          token,
          base,
        );
      },
    },
    {
      method: "POST",
      path: `${base}/:id/cancel`,
      handler: (ctx) => {
        const row = ownedV2(ctx, T.obps, ctx.path.id ?? "", "outbound payment");
        throw notCancelable("outbound payment", row.data.id, String(row.data.status));
      },
    },
  );
}
