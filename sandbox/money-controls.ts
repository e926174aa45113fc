import type { Kernel } from "./kernel";
import { ApiError } from "./wire/errors";
import { runNow } from "./resources/later";
import { activateFeatures } from "./resources/treasury/financial-accounts";
import { moneyControlsV2 } from "./resources/money-management/controls";
import { balanceControl } from "./resources/issuing-balance/controls";

export type ControlAnswer = { status: number; body: unknown };
/** A group of `/_sandbox/…` controls: its answer, or null when the path is none of its own. */
export type Control = (
  kernel: Kernel,
  method: string,
  pathname: string,
  params: Record<string, unknown>,
) => Promise<ControlAnswer | null>;

/** 200 with what `work` returns, or the ApiError it throws as the API would answer it (anything else propagates). */
export async function answerOf(work: () => Promise<unknown>): Promise<ControlAnswer> {
  try {
    return { status: 200, body: await work() };
  } catch (err) {
    if (err instanceof ApiError) return { status: err.status, body: err.body() };
    throw err;
  }
}

/**
 * `/_sandbox/…` controls for money movement:
 * - `POST /_sandbox/treasury/financial_accounts/:id/activate`: finish activating delayed features now;
 * - top-up and payout outcomes in `resources/issuing-balance/controls.ts`;
 * - the v2 controls in `resources/money-management/controls.ts` (financial addresses, outbound flows).
 * Answers null when the path is not one of them.
 */
export const moneyControl: Control = async (kernel, method, pathname, params) => {
  const fa = /^\/_sandbox\/treasury\/financial_accounts\/([^/]+)\/activate$/.exec(pathname);
  if (fa && method === "POST") {
    const id = decodeURIComponent(fa[1] ?? "");
    if (!kernel.store.get("treasury_financial_accounts", id))
      return { status: 404, body: { error: { message: `No such financial account: ${id}` } } };
    const changed = await runNow(kernel, (ctx) => activateFeatures(ctx, id));
    return { status: 200, body: { financial_account: id, activated: changed } };
  }
  return (await balanceControl(kernel, method, pathname, params)) ?? moneyControlsV2(kernel, method, pathname, params);
};
