import type { Kernel } from "../../kernel";
import type { ControlAnswer } from "../../money-controls";
import { ApiError } from "../../wire/errors";
import { runNow } from "../later";
import { amountOf, T } from "./common";
import type { V2Fa } from "./financial-accounts";
import { advanceObt } from "./outbound-transfers";
import { receiveV2Debit } from "./received";

/**
 * v2 controls:
 * - `POST /_sandbox/v2/outbound_transfers/:id/{post|fail|return}` `{"reason": "…"}` drives a transfer;
 * - `POST /_sandbox/v2/financial_accounts/:id/received_debits` `{"amount": {"value", "currency"}}` pulls money out (a ReceivedDebit).
 */
export async function moneyControlsV2(
  kernel: Kernel,
  method: string,
  pathname: string,
  params: Record<string, unknown>,
): Promise<ControlAnswer | null> {
  if (method !== "POST") return null;
  try {
    const obt = /^\/_sandbox\/v2\/outbound_transfers\/([^/]+)\/(post|fail|return)$/.exec(pathname);
    if (obt) {
      const [, id = "", action] = obt;
      return {
        status: 200,
        body: await runNow(kernel, (ctx) =>
          advanceObt(ctx, id, action as "post" | "fail" | "return", params.reason as string | undefined),
        ),
      };
    }
    const rd = /^\/_sandbox\/v2\/financial_accounts\/([^/]+)\/received_debits$/.exec(pathname);
    if (rd) {
      const row = kernel.store.get<V2Fa>(T.fas, decodeURIComponent(rd[1] ?? ""));
      if (!row) return { status: 404, body: { error: { message: "No such financial account" } } };
      return {
        status: 200,
        body: await runNow(kernel, (ctx) =>
          receiveV2Debit(
            { ...ctx, account: row.owner, isConnected: row.owner !== ctx.platform },
            row.data,
            row.owner,
            amountOf(params.amount),
            { type: "external_debit" },
          ),
        ),
      };
    }
  } catch (err) {
    if (err instanceof ApiError) return { status: err.status, body: err.body() };
    throw err;
  }
  return null;
}
