import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import { ApiError, invalidRequest, referenceMissing, resourceMissing } from "../../wire/errors";
import { LedgerError } from "../../ledger/ledger";
import { loadAccount } from "../accounts/store";
import { platformCapabilities } from "../accounts/platform";
import type { Row } from "../../store/store";
import { listV1 } from "../../wire/list";
import type { Route } from "../../wire/router";
import { newestFirst } from "../common";

export const FAS = "treasury_financial_accounts";

/** Hidden FA state: what was requested and which delayed features finished activating. */
export type FaExtra = { requested: string[]; activated: string[]; account_number: string; holder_name: string };
export type FaRow = Row<Stripe.Treasury.FinancialAccount> & { extra: FaExtra };

/** The same request acting as another account (system jobs that touch a connected account's objects). */
export function asAccount(ctx: Ctx, account: string): Ctx {
  return { ...ctx, account, isConnected: account !== ctx.platform };
}

/** An account's capabilities: the platform's own (`GET /v1/account`) or a connected account's. */
export function capabilitiesOf(ctx: Ctx, account: string): Record<string, string> {
  if (account === ctx.platform) return platformCapabilities(ctx);
  return (loadAccount(ctx, account)?.data.capabilities ?? {}) as Record<string, string>;
}

/**
 * Treasury calls need the acting account's `treasury` capability active, as on Stripe. Without a
 * Stripe-Account header the platform acts on its own (Stripe-provisioned) financial account.
 */
export function requireTreasury(ctx: Ctx): void {
  const status = capabilitiesOf(ctx, ctx.account).treasury ?? "unrequested";
  if (status === "active") return;
  throw new ApiError(400, {
    type: "invalid_request_error",
    code: "account_invalid",
    message: ctx.isConnected
      ? `The account ${ctx.account} cannot use Treasury: its \`treasury\` capability is ${status}. Request \`capabilities[treasury][requested]=true\` and complete the account's requirements, then retry.`
      : `This platform cannot use Treasury: its own \`treasury\` capability is ${status}. Without a \`Stripe-Account\` header Treasury requests act on the platform's own financial account; send the header of a connected account whose \`treasury\` capability is active to act on its objects.`,
  });
}

/** Whether `owner` is this platform or one of its connected accounts (where intra-Stripe money may go). */
export function onThisPlatform(ctx: Ctx, owner: string): boolean {
  return owner === ctx.platform || loadAccount(ctx, owner) !== undefined;
}

export function loadFa(ctx: Ctx, id: string, param = "financial_account", inBody = true): FaRow {
  const row = ctx.tx.get(FAS, id) as FaRow | undefined;
  if (!row || row.owner !== ctx.account)
    throw inBody ? referenceMissing("financial account", id, param) : resourceMissing("treasury.financial_account", id);
  return row;
}

/**
 * `GET <path>?financial_account=…`: one FA's objects, newest first; each parameter named in `filters`
 * that is given keeps the objects whose field of that name equals it.
 */
export function listByFaRoute(path: string, table: string, object: string, filters = ["status"]): Route {
  return {
    method: "GET",
    path,
    handler: (ctx) => {
      requireTreasury(ctx);
      const fa = loadFa(ctx, String(ctx.params.financial_account)).data.id;
      const items = newestFirst<Record<string, unknown> & { id: string }>(
        ctx,
        table,
        (r) => r.data.financial_account === fa && filters.every((f) => !ctx.params[f] || r.data[f] === ctx.params[f]),
      );
      return listV1(items, ctx.params, path, object);
    },
  };
}

/** Turns ledger failures into Stripe's v1 errors (HTTP 400, never a retried status). */
export function v1Money<T>(fn: () => T, param = "amount"): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof LedgerError)) throw err;
    if (err.code === "insufficient_funds") {
      throw new ApiError(400, {
        type: "invalid_request_error",
        code: "insufficient_funds",
        param,
        message: `The financial account has insufficient funds for this request: ${err.details.available ?? 0} ${err.details.currency ?? ""} available in cash, ${err.details.needed ?? 0} needed. Add funds or use a smaller amount.`,
      });
    }
    throw invalidRequest(err.message, { param });
  }
}

export const positiveAmount = (v: unknown, param = "amount"): number => {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v <= 0)
    throw invalidRequest(
      `Invalid ${param}: must be a positive integer in the currency's minor unit (e.g. 1000 for $10.00).`,
      { param, code: "parameter_invalid_integer" },
    );
  return v;
};

export function requireUsd(fa: FaRow, currency: unknown): string {
  const c = String(currency).toLowerCase();
  if (!fa.data.supported_currencies.includes(c))
    throw invalidRequest(
      `The financial account does not support ${c}; it holds ${fa.data.supported_currencies.join(", ")}.`,
      { param: "currency" },
    );
  return c;
}
