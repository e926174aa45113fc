import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest, resourceMissing } from "../../wire/errors";
import { listV1 } from "../../wire/list";
import { emitEvent } from "../../events/bus";
import { cancelInbound, expectInbound, settleInbound } from "../../ledger/moves";
import { newestFirst, ownedRow } from "../common";
import { loadAccount } from "../accounts/store";
import { later } from "../later";
import { asOwner, balance, holderOf, type BalanceName } from "./balance";
import { recordBalanceTxn } from "./balance-transactions";
import { pushFunded } from "./regions";

/**
 * Top-ups (`tu_…`). A top-up debits a bank account, so it is created `pending` (Stripe: "Your top-ups
 * can take up to 5 business days to become available. While they're pending, they won't be added to
 * your Issuing balance", docs.stripe.com/issuing/funding/balance) and its money waits in the
 * holder's `inbound_pending` bucket. It then turns `succeeded` (money available, a `topup` balance
 * transaction), `failed` (`failure_code`) or `canceled` (`POST /v1/topups/:id/cancel`).
 * Test mode settles only through `/_sandbox/topups/:id/succeed|fail`, or after `topupSettleMs` when set.
 * Only US accounts and the platform pull top-ups from a bank; a GB/EEA account's top-ups come from bank
 * transfers to its funding instructions (`funding-instructions.ts`), succeeded at once.
 */
export const TOPUPS = "topups";
type Json = Record<string, unknown>;
type Topup = Stripe.Topup & { destination_balance?: BalanceName };

/** Business days a bank top-up takes (Stripe: "up to 5 business days"). [guess: 3 calendar days shown] */
const AVAILABILITY_DAYS = 3;

/** Why a bank debit fails: codes from Stripe's error-code list that a bank debit can meet. [guess: which ones apply to top-ups] */
export const TOPUP_FAILURES: Record<string, string> = {
  insufficient_funds: "The bank account has insufficient funds to cover this top-up.",
  account_closed: "The bank account has been closed.",
  no_account: "The bank account could not be located.",
  bank_account_declined: "The bank account declined this debit.",
  bank_account_restricted: "The bank account has restrictions on the debits it accepts.",
  bank_account_unusable: "The bank account cannot be used for top-ups.",
  debit_not_authorized: "The account holder has not authorized this debit.",
};

const amountParam = (v: unknown) => {
  if (typeof v !== "number" || v <= 0)
    throw invalidRequest("Invalid amount: must be a positive integer in the currency's minor unit.", {
      param: "amount",
      code: "parameter_invalid_integer",
    });
  return v;
};

const flowOf = (t: Topup, owner: string, nowMs: number) => ({
  holder: holderOf(owner, t.destination_balance ?? "payments"),
  currency: t.currency,
  amount: t.amount,
  flow: { type: "topup", id: t.id },
  nowMs,
});

function load(ctx: Ctx, id: string): { topup: Topup; owner: string } {
  const row = ctx.tx.get<Topup>(TOPUPS, id);
  if (!row || (ctx.isConnected && row.owner !== ctx.account)) throw resourceMissing("topup", id);
  return { topup: structuredClone(row.data), owner: row.owner };
}

function save(ctx: Ctx, owner: string, topup: Topup): void {
  ctx.tx.put(TOPUPS, topup.id, { owner, data: topup });
}

function notPending(topup: Topup, action: string): never {
  throw invalidRequest(
    `Top-up ${topup.id} cannot ${action}: its status is ${topup.status}, and only a pending top-up can.`,
    { param: "id" },
  );
}

/** pending → succeeded: the money becomes available and a `topup` balance transaction records it. */
export function succeedTopup(ctx: Ctx, id: string): Topup {
  const { topup, owner } = load(ctx, id);
  if (topup.status !== "pending") notPending(topup, "succeed");
  const as = asOwner(ctx, owner);
  settleInbound(ctx.tx, flowOf(topup, owner, ctx.nowMs));
  const bt = recordBalanceTxn(as, {
    amount: topup.amount,
    currency: topup.currency,
    type: "topup",
    source: topup.id,
    balance: topup.destination_balance ?? "payments",
    description: topup.description,
  });
  topup.status = "succeeded";
  topup.balance_transaction = bt.id;
  save(ctx, owner, topup);
  emitEvent(as, "topup.succeeded", topup as unknown as Json, {
    previous_attributes: { status: "pending", balance_transaction: null },
  });
  emitEvent(as, "balance.available", balance(as, topup.currency) as unknown as Json);
  return topup;
}

/** pending → failed (or canceled by the API): the announced money never arrives. */
export function endTopup(ctx: Ctx, id: string, outcome: "failed" | "canceled", failureCode?: string): Topup {
  if (failureCode !== undefined && !TOPUP_FAILURES[failureCode])
    throw invalidRequest(`failure_code must be one of ${Object.keys(TOPUP_FAILURES).join(", ")}.`, {
      param: "failure_code",
    });
  const { topup, owner } = load(ctx, id);
  if (topup.status !== "pending") notPending(topup, outcome === "failed" ? "fail" : "be canceled");
  cancelInbound(ctx.tx, flowOf(topup, owner, ctx.nowMs));
  topup.status = outcome;
  const previous: Json = { status: "pending" };
  if (outcome === "failed") {
    const code = failureCode ?? "insufficient_funds";
    topup.failure_code = code;
    topup.failure_message = TOPUP_FAILURES[code] ?? null;
    previous.failure_code = null;
    previous.failure_message = null;
  }
  save(ctx, owner, topup);
  emitEvent(asOwner(ctx, owner), `topup.${outcome}`, topup as unknown as Json, { previous_attributes: previous });
  return topup;
}

/** The settle-later job: a no-op once the top-up has moved on (a control got there first). */
function settleJob(kernel: Kernel, id: string): void {
  const ms = kernel.config.topupSettleMs;
  if (ms === null || ms < 0) return;
  later(kernel, `topup:${id}`, ms, (sys) => {
    if (sys.tx.get<Topup>(TOPUPS, id)?.data.status === "pending") succeedTopup(sys, id);
  });
}

/**
 * Pull funding is US-only: "Pull funding is the default funding option in the US and isn't available in the EU or
 * the UK … Push funding is available in the UK and EU" (docs.stripe.com/issuing/connect/funding), and "Issuing users
 * in the UK and Europe 'push' funds using Funding Instructions" (docs.stripe.com/issuing/testing). So a top-up that
 * debits a bank (`POST /v1/topups`) is refused for a GB or EEA account, whichever balance it names; its money comes
 * by bank transfer to its funding instructions (`funding-instructions.ts`). [stricter: Stripe documents the rule,
 * not the error; no `code`, as none is documented] US accounts and the (US) platform top up as before.
 */
function refusePullFunding(ctx: Ctx): void {
  const country = ctx.isConnected ? loadAccount(ctx, ctx.account)?.data.country : undefined;
  if (!country || !pushFunded(country)) return;
  throw invalidRequest(
    `Top-ups that pull from a bank aren't available for accounts in ${country}: fund the Issuing balance by bank transfer to its funding instructions (POST /v1/issuing/funding_instructions).`,
  );
}

type Opening = {
  amount: number;
  currency: string;
  destination: BalanceName;
  description: string | null;
  metadata: Json;
  statement_descriptor: string | null;
  transfer_group: string | null;
  /** `expected_availability_date` = created + this many days. */
  availableAfterDays: number;
};

/** A new `pending` top-up for the acting account: its money waits in `inbound_pending`; `topup.created`. */
export function openTopup(ctx: Ctx, o: Opening): Topup {
  const home = loadAccount(ctx, ctx.account)?.data.default_currency ?? "usd";
  // An Issuing balance holds its country's currency (GB gbp, euro area eur, US usd). [guess: stricter than Stripe documents]
  if (o.destination === "issuing" && o.currency !== home)
    throw invalidRequest(`This account's Issuing balance holds ${home}; top it up in ${home}, not ${o.currency}.`, {
      param: "currency",
    });
  const id = ctx.id("tu");
  const topup = {
    id,
    object: "topup",
    amount: o.amount,
    balance_transaction: null,
    created: ctx.now,
    currency: o.currency,
    description: o.description,
    destination_balance: o.destination,
    expected_availability_date: ctx.now + o.availableAfterDays * 86400,
    failure_code: null,
    failure_message: null,
    initiated_by: "user",
    livemode: false,
    metadata: o.metadata,
    source: null,
    statement_descriptor: o.statement_descriptor,
    status: "pending",
    transfer_group: o.transfer_group,
  } as Topup;
  expectInbound(ctx.tx, {
    holder: holderOf(ctx.account, o.destination),
    currency: o.currency,
    amount: o.amount,
    flow: { type: "topup", id },
    nowMs: ctx.nowMs,
  });
  save(ctx, ctx.account, topup);
  emitEvent(ctx, "topup.created", topup as unknown as Json);
  return topup;
}

export function registerTopupRoutes(kernel: Kernel): void {
  kernel.router.add(
    {
      method: "POST",
      path: "/v1/topups",
      handler: (ctx) => {
        refusePullFunding(ctx);
        const p = ctx.params;
        const topup = openTopup(ctx, {
          amount: amountParam(p.amount),
          currency: String(p.currency).toLowerCase(),
          destination: (p.destination_balance as BalanceName | undefined) ?? "payments",
          description: (p.description as string | undefined) ?? null,
          metadata: (p.metadata as Json | undefined) ?? {},
          statement_descriptor: (p.statement_descriptor as string | undefined) ?? null,
          transfer_group: (p.transfer_group as string | undefined) ?? null,
          availableAfterDays: AVAILABILITY_DAYS,
        });
        ctx.afterCommit(() => settleJob(ctx.kernel, topup.id));
        return topup;
      },
    },
    { method: "GET", path: "/v1/topups/:id", handler: (ctx) => ownedRow(ctx, TOPUPS, ctx.path.id ?? "", "topup").data },
    {
      method: "POST",
      path: "/v1/topups/:id/cancel",
      handler: (ctx) => {
        ownedRow(ctx, TOPUPS, ctx.path.id ?? "", "topup");
        return endTopup(ctx, ctx.path.id ?? "", "canceled");
      },
    },
    {
      method: "GET",
      path: "/v1/topups",
      handler: (ctx) => {
        const status = ctx.params.status as string | undefined;
        const items = newestFirst<Topup>(ctx, TOPUPS, (r) => status === undefined || r.data.status === status);
        return listV1(items, ctx.params, "/v1/topups", "topup");
      },
    },
  );
  // Timers do not survive a restart; pending top-ups do.
  kernel.onStart.push(() => {
    for (const [id, row] of kernel.store.rows<Topup>(TOPUPS)) if (row.data.status === "pending") settleJob(kernel, id);
  });
}
