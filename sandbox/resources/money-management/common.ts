import type { Ctx } from "../../wire/context";
import type { Route } from "../../wire/router";
import { ApiError, v2Error, v2NotFound } from "../../wire/errors";
import { LedgerError } from "../../ledger/ledger";
import { emitThinEvent } from "../../events/bus";
import type { Row } from "../../store/store";
import { loadAccount } from "../accounts/store";
import { v2CapabilityStatus, type V2State } from "../v2-accounts/view";

export type Json = Record<string, unknown>;
export type Money = { value: number; currency: string };
export type V2Object = Json & { id: string; object: string };

export const T = {
  fas: "v2_financial_accounts",
  addresses: "v2_financial_addresses",
  txns: "v2_transactions",
  entries: "v2_transaction_entries",
  rcs: "v2_received_credits",
  rds: "v2_received_debits",
  obps: "v2_outbound_payments",
  obts: "v2_outbound_transfers",
  osis: "v2_outbound_setup_intents",
  pms: "v2_payout_methods",
} as const;

/** Collection path per object type, for thin events' `related_object.url`. */
const PATHS: Record<string, string> = {
  "v2.money_management.financial_account": "financial_accounts",
  "v2.money_management.financial_address": "financial_addresses",
  "v2.money_management.transaction": "transactions",
  "v2.money_management.transaction_entry": "transaction_entries",
  "v2.money_management.received_credit": "received_credits",
  "v2.money_management.received_debit": "received_debits",
  "v2.money_management.outbound_payment": "outbound_payments",
  "v2.money_management.outbound_transfer": "outbound_transfers",
  "v2.money_management.outbound_setup_intent": "outbound_setup_intents",
  "v2.money_management.payout_method": "payout_methods",
};

export const money = (value: number, currency: string): Money => ({ value, currency });
export const iso = (ctx: Ctx) => new Date(ctx.nowMs).toISOString();

/** Stores a v2 object and emits `<object>.<event>` for its owner; `data` only for the event types the SDK gives a `data` (e.g. `transaction.created`). */
export function saveV2(ctx: Ctx, table: string, owner: string, obj: V2Object, event?: string, data?: Json): V2Object {
  const extra = ctx.tx.get(table, obj.id)?.extra; // hidden state (numbers, attempts) survives updates
  ctx.tx.put(table, obj.id, { owner, data: obj, ...(extra ? { extra } : {}) });
  if (event) {
    const related = { id: obj.id, type: obj.object, url: `/v2/money_management/${PATHS[obj.object] ?? ""}/${obj.id}` };
    emitThinEvent(ctx, `${obj.object}.${event}`, related, {
      context: owner === ctx.platform ? null : owner,
      ...(data ? { data } : {}),
    });
  }
  return obj;
}

/** An object the acting account owns (404 `not_found` otherwise); `field` makes it a body reference (400 invalid_fields). */
export function ownedV2<T extends V2Object = V2Object>(
  ctx: Ctx,
  table: string,
  id: string,
  name: string,
  field?: string,
): Row<T> {
  const row = ctx.tx.get<T>(table, id);
  if (row && row.owner === ctx.account) return structuredClone(row);
  if (field)
    throw v2Error(400, "invalid_request_error", "invalid_fields", `No such ${name}: '${id}'.`, { param: field });
  throw v2NotFound(name, id);
}

/** `GET <collection>/:id` for an object the caller owns (404 otherwise). */
export function retrieveV2Route(collection: string, table: string, name: string): Route {
  return {
    method: "GET",
    path: `${collection}/:id`,
    handler: (ctx) => ownedV2(ctx, table, ctx.path.id ?? "", name).data,
  };
}

export function invalidField(field: string, message: string): ApiError {
  return v2Error(400, "invalid_request_error", "invalid_fields", message, { param: field });
}

/** A positive integer amount in minor units, or a v2 `invalid_fields` error naming the field. */
export function amountOf(m: unknown, field = "amount"): Money {
  const a = m as Partial<Money> | undefined;
  if (!a || typeof a.value !== "number" || !Number.isSafeInteger(a.value) || a.value <= 0)
    throw invalidField(
      `${field}.value`,
      `${field}.value must be a positive integer in the currency's minor unit (e.g. 1000 for 10.00).`,
    );
  if (typeof a.currency !== "string" || !/^[a-z]{3,4}$/.test(a.currency))
    throw invalidField(`${field}.currency`, `${field}.currency must be a lowercase currency code such as usd or usdc.`);
  return { value: a.value, currency: a.currency };
}

/** Ledger failures as Stripe's v2 typed errors (HTTP 400: the SDK never retries those). */
export function v2Money<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof LedgerError)) throw err;
    if (err.code === "insufficient_funds") {
      throw v2Error(
        400,
        "insufficient_funds",
        "insufficient_funds",
        `The financial account ${err.details.holder ?? ""} has ${err.details.available ?? 0} ${err.details.currency ?? ""} available but this needs ${err.details.needed ?? 0}. Add funds or send a smaller amount.`,
      );
    }
    throw invalidField("amount.value", err.message);
  }
}

/** Whether a connected account's storer capability (e.g. `holds_currencies.usdc`) is active. The platform may do everything. */
export function storerActive(ctx: Ctx, account: string, capability: string): { ok: boolean; status: string } {
  if (account === ctx.platform) return { ok: true, status: "active" };
  const row = loadAccount(ctx, account);
  const v2 = row?.extra.v2 as V2State | undefined;
  if (!row || !v2?.configuration.storer?.includes(capability)) return { ok: false, status: "not requested" };
  const status = v2CapabilityStatus(row.data, row.extra).status;
  return { ok: status === "active", status };
}

export function requireStorer(ctx: Ctx, account: string, capability: string): void {
  const s = storerActive(ctx, account, capability);
  if (!s.ok) {
    throw v2Error(
      400,
      "feature_not_enabled",
      "feature_not_enabled",
      `Account ${account} cannot do this: its storer capability \`${capability}\` is ${s.status}. Request \`configuration.storer.capabilities.${capability}\` on the v2 account and complete its requirements, then retry.`,
    );
  }
}

export function notCancelable(name: string, id: string, status: string): ApiError {
  if (status === "canceled")
    return v2Error(400, "already_canceled", "already_canceled", `The ${name} ${id} is already canceled.`);
  return v2Error(
    400,
    "not_cancelable",
    "not_cancelable",
    `The ${name} ${id} can no longer be canceled: its status is ${status}. Only a processing ${name} can be canceled.`,
  );
}
