import { answerOf, type Control } from "../../money-controls";
import { runNow } from "../later";
import { endTopup, succeedTopup } from "./topups";
import { advancePayout } from "./payouts";

/**
 * Controls for the balances' bank-side outcomes, which Stripe decides and test mode cannot ask for:
 * - `POST /_sandbox/topups/:id/succeed` and `/fail` `{"failure_code": "insufficient_funds"}` settle a pending top-up;
 * - `POST /_sandbox/payouts/:id/paid` and `/fail` `{"failure_code": "account_closed"}` settle a payout
 *   (a paid payout can still fail: the bank returns it).
 * Each is one change set: a second call finds the object moved on and answers 400, so nothing moves twice.
 */
export const balanceControl: Control = async (kernel, method, pathname, params) => {
  if (method !== "POST") return null;
  const code = params.failure_code === undefined ? undefined : String(params.failure_code);
  const tu = /^\/_sandbox\/topups\/([^/]+)\/(succeed|fail)$/.exec(pathname);
  if (tu) {
    const id = decodeURIComponent(tu[1] ?? "");
    return answerOf(() =>
      runNow(kernel, (ctx) => (tu[2] === "succeed" ? succeedTopup(ctx, id) : endTopup(ctx, id, "failed", code))),
    );
  }
  const po = /^\/_sandbox\/payouts\/([^/]+)\/(paid|fail)$/.exec(pathname);
  if (po) {
    const id = decodeURIComponent(po[1] ?? "");
    return answerOf(() => runNow(kernel, (ctx) => advancePayout(ctx, id, po[2] === "paid" ? "paid" : "failed", code)));
  }
  return null;
};
