import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { ApiError, invalidRequest, resourceMissing } from "../../wire/errors";
import { listV1 } from "../../wire/list";
import { emitEvent } from "../../events/bus";
import { LedgerError } from "../../ledger/ledger";
import { credit, hold, release, settleHold } from "../../ledger/moves";
import { newestFirst, ownedRow } from "../common";
import { loadAccount } from "../accounts/store";
import { later } from "../later";
import { asOwner, holderOf, type BalanceName } from "./balance";
import { PAYOUTS, recordBalanceTxn } from "./balance-transactions";

/**
 * Payouts (`po_…`) from the payments balance or, with `source_balance=issuing`
 * (docs.stripe.com/issuing/connect/funding § Pay out an Issuing balance), from the Issuing balance.
 * Created `pending`: the amount leaves `available` at once (ledger: cash → outbound_pending) with a
 * `payout` balance transaction of −amount. Then `paid` (the money reaches the bank) or `failed` (it
 * comes back: a `payout_failure` balance transaction of +amount); a paid payout can still fail, as a
 * bank can return it later. Test mode pays it after `payoutSettleMs` (or `/_sandbox/payouts/:id/paid|fail`).
 * [guess: Stripe's test payouts pass pending → in_transit → paid within moments; the sandbox skips in_transit]
 */
type Json = Record<string, unknown>;
type PayoutExtra = { balance: BalanceName };

/** Stripe's payout failure codes (docs.stripe.com/api/payouts/failures), with short messages. */
export const PAYOUT_FAILURES: Record<string, string> = {
  account_closed: "The bank account has been closed.",
  account_frozen: "The bank account has been frozen.",
  bank_account_restricted: "The bank account has restrictions on either the type or number of payouts allowed.",
  bank_ownership_changed: "The destination bank account is no longer valid because its branch has changed ownership.",
  could_not_process: "The bank could not process this payout.",
  debit_not_authorized: "Debit transactions are not approved on the bank account.",
  declined: "The bank has declined this transfer.",
  incorrect_account_holder_address: "The bank notified us that the bank account holder address on file is incorrect.",
  incorrect_account_holder_name: "The bank notified us that the bank account holder name on file is incorrect.",
  incorrect_account_holder_tax_id: "The bank notified us that the bank account holder tax ID on file is incorrect.",
  insufficient_funds: "Your Stripe account has insufficient funds to cover the payout.",
  invalid_account_number: "The routing number seems correct, but the account number is invalid.",
  invalid_currency: "The bank was unable to process this payout because of its currency.",
  no_account:
    "The bank account details on file are probably incorrect. No bank account could be located with those details.",
};

const amountParam = (v: unknown) => {
  if (typeof v !== "number" || v <= 0)
    throw invalidRequest("Invalid amount: must be a positive integer in the currency's minor unit.", {
      param: "amount",
      code: "parameter_invalid_integer",
    });
  return v;
};

/** The bank account a payout goes to: `destination` if given (it must be the account's), else the one for the currency. */
function destinationOf(ctx: Ctx, currency: string, given: string | undefined): string | null {
  const banks = (loadAccount(ctx, ctx.account)?.data.external_accounts?.data ?? []) as Array<{
    id: string;
    currency: string;
  }>;
  if (given) {
    const bank = banks.find((b) => b.id === given);
    if (!bank) throw resourceMissing("external account", given, "destination");
    if (bank.currency !== currency)
      throw invalidRequest(`The external account ${given} is in ${bank.currency}, not ${currency}.`, {
        param: "destination",
      });
    return bank.id;
  }
  const bank = banks.find((b) => b.currency === currency);
  // The platform pays out to the bank account in its Dashboard settings, which the sandbox does not model. [guess]
  if (!bank && !ctx.isConnected) return null;
  if (!bank)
    throw invalidRequest(`You don't have any external accounts in that currency (${currency}).`, {
      param: "currency",
    });
  return bank.id;
}

function insufficient(err: LedgerError, source: BalanceName, currency: string): ApiError {
  const name = source === "issuing" ? "Issuing" : "Stripe";
  return new ApiError(400, {
    type: "invalid_request_error",
    code: "balance_insufficient",
    param: "amount",
    // [guess: Stripe's message for a payout is "You have insufficient funds in your Stripe account for this
    // transaction."; the sandbox names the balance and what it holds so the app can show it beside the amount]
    message: `You have insufficient funds in your ${name} balance for this payout: ${err.details.available ?? 0} ${currency} available.`,
  });
}

function load(ctx: Ctx, id: string) {
  const row = ctx.tx.get<Stripe.Payout>(PAYOUTS, id);
  if (!row || (ctx.isConnected && row.owner !== ctx.account)) throw resourceMissing("payout", id);
  return { payout: structuredClone(row.data), owner: row.owner, extra: row.extra as PayoutExtra };
}

/** pending → paid, or pending|paid → failed (the money returns to the balance it left). */
export function advancePayout(ctx: Ctx, id: string, to: "paid" | "failed", failureCode?: string): Stripe.Payout {
  if (failureCode !== undefined && !PAYOUT_FAILURES[failureCode])
    throw invalidRequest(`failure_code must be one of ${Object.keys(PAYOUT_FAILURES).join(", ")}.`, {
      param: "failure_code",
    });
  const { payout, owner, extra } = load(ctx, id);
  const from = payout.status;
  if (!(from === "pending" || (to === "failed" && from === "paid")))
    throw invalidRequest(`Payout ${id} is ${from}; it cannot become ${to}.`, { param: "id" });
  const as = asOwner(ctx, owner);
  const c = {
    holder: holderOf(owner, extra.balance),
    currency: payout.currency,
    amount: payout.amount,
    flow: { type: "payout", id },
    nowMs: ctx.nowMs,
  };
  const previous: Json = { status: from };
  if (to === "paid") settleHold(ctx.tx, c);
  else {
    // Pending: the held money goes back; paid: the bank returns it.
    if (from === "pending") release(ctx.tx, c);
    else credit(ctx.tx, c);
    const code = failureCode ?? "account_closed";
    const bt = recordBalanceTxn(as, {
      amount: payout.amount,
      currency: payout.currency,
      type: "payout_failure",
      source: id,
      balance: extra.balance,
      description: payout.description,
      reporting_category: "payout_reversal",
    });
    Object.assign(previous, { failure_balance_transaction: null, failure_code: null, failure_message: null });
    payout.failure_balance_transaction = bt.id;
    payout.failure_code = code;
    payout.failure_message = PAYOUT_FAILURES[code] ?? null;
  }
  payout.status = to;
  if (payout.trace_id) {
    previous.trace_id = { status: payout.trace_id.status };
    payout.trace_id = { status: to === "paid" ? "supported" : "unsupported", value: null };
  }
  ctx.tx.put(PAYOUTS, id, { owner, data: payout, extra });
  emitEvent(as, "payout.updated", payout as unknown as Json, { previous_attributes: previous });
  emitEvent(as, `payout.${to}`, payout as unknown as Json);
  return payout;
}

function settleJob(kernel: Kernel, id: string): void {
  const ms = kernel.config.payoutSettleMs;
  if (ms === null || ms < 0) return;
  later(kernel, `payout:${id}`, ms, (sys) => {
    if (sys.tx.get<Stripe.Payout>(PAYOUTS, id)?.data.status === "pending") advancePayout(sys, id, "paid");
  });
}

export function registerPayoutRoutes(kernel: Kernel): void {
  kernel.router.add(
    {
      method: "POST",
      path: "/v1/payouts",
      handler: (ctx) => {
        const p = ctx.params;
        const amount = amountParam(p.amount);
        const currency = String(p.currency).toLowerCase();
        const source = (p.source_balance as BalanceName | undefined) ?? "payments";
        const id = ctx.id("po");
        try {
          hold(ctx.tx, {
            holder: holderOf(ctx.account, source),
            currency,
            amount,
            flow: { type: "payout", id },
            nowMs: ctx.nowMs,
          });
        } catch (err) {
          if (err instanceof LedgerError && err.code === "insufficient_funds")
            throw insufficient(err, source, currency);
          throw err;
        }
        const destination = destinationOf(ctx, currency, p.destination as string | undefined);
        const bt = recordBalanceTxn(ctx, {
          amount: -amount,
          currency,
          type: "payout",
          source: id,
          balance: source,
          description: (p.description as string | undefined) ?? null,
        });
        const payout = {
          id,
          object: "payout",
          amount,
          application_fee: null,
          application_fee_amount: null,
          // Standard payouts arrive in about 2 business days. [guess]
          arrival_date: ctx.now + 2 * 86400,
          automatic: false,
          balance_transaction: bt.id,
          created: ctx.now,
          currency,
          description: (p.description as string | undefined) ?? null,
          destination,
          failure_balance_transaction: null,
          failure_code: null,
          failure_message: null,
          livemode: false,
          metadata: (p.metadata as Json | undefined) ?? {},
          method: (p.method as string | undefined) ?? "standard",
          original_payout: null,
          payout_method: null,
          reconciliation_status: "not_applicable",
          reversed_by: null,
          source_type: (p.source_type as string | undefined) ?? "card",
          statement_descriptor: (p.statement_descriptor as string | undefined) ?? null,
          status: "pending",
          trace_id: { status: "pending", value: null },
          type: "bank_account",
        } as Stripe.Payout;
        ctx.tx.put(PAYOUTS, id, { owner: ctx.account, data: payout, extra: { balance: source } satisfies PayoutExtra });
        emitEvent(ctx, "payout.created", payout as unknown as Json);
        ctx.afterCommit(() => settleJob(ctx.kernel, id));
        return payout;
      },
    },
    {
      method: "GET",
      path: "/v1/payouts/:id",
      handler: (ctx) => ownedRow(ctx, PAYOUTS, ctx.path.id ?? "", "payout").data,
    },
    {
      method: "GET",
      path: "/v1/payouts",
      handler: (ctx) => {
        const status = ctx.params.status as string | undefined;
        const items = newestFirst<Stripe.Payout>(ctx, PAYOUTS, (r) => status === undefined || r.data.status === status);
        return listV1(items, ctx.params, "/v1/payouts", "payout");
      },
    },
  );
  kernel.onStart.push(() => {
    for (const [id, row] of kernel.store.rows<Stripe.Payout>(PAYOUTS))
      if (row.data.status === "pending") settleJob(kernel, id);
  });
}
