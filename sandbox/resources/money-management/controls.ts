import { answerOf, type Control } from "../../money-controls";
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
export const moneyControlsV2: Control = async (kernel, method, pathname, params) => {
  if (method !== "POST") return null;
  const obt = /^\/_sandbox\/v2\/outbound_transfers\/([^/]+)\/(post|fail|return)$/.exec(pathname);
  if (obt) {
    const [, id = "", action] = obt;
    return answerOf(() =>
      runNow(kernel, (ctx) =>
        advanceObt(ctx, id, action as "post" | "fail" | "return", params.reason as string | undefined),
      ),
    );
  }
  const rd = /^\/_sandbox\/v2\/financial_accounts\/([^/]+)\/received_debits$/.exec(pathname);
  if (rd) {
    const row = kernel.store.get<V2Fa>(T.fas, decodeURIComponent(rd[1] ?? ""));
    if (!row) return { status: 404, body: { error: { message: "No such financial account" } } };
    return answerOf(() =>
      runNow(kernel, (ctx) =>
        receiveV2Debit(
          { ...ctx, account: row.owner, isConnected: row.owner !== ctx.platform },
          row.data,
          row.owner,
          amountOf(params.amount),
          { type: "external_debit" },
        ),
      ),
    );
  }
  return null;
};
