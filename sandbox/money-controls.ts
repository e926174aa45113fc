import type { Kernel } from "./kernel";
import { runNow } from "./resources/later";
import { activateFeatures } from "./resources/treasury/financial-accounts";
import { moneyControlsV2 } from "./resources/money-management/controls";

export type ControlAnswer = { status: number; body: unknown };

/**
 * `/_sandbox/…` controls for money movement:
 * - `POST /_sandbox/treasury/financial_accounts/:id/activate`: finish activating delayed features now;
 * - the v2 controls in `resources/money-management/controls.ts` (financial addresses, outbound flows).
 * Answers null when the path is not one of them.
 */
export async function moneyControl(
  kernel: Kernel,
  method: string,
  pathname: string,
  params: Record<string, unknown>,
): Promise<ControlAnswer | null> {
  const fa = /^\/_sandbox\/treasury\/financial_accounts\/([^/]+)\/activate$/.exec(pathname);
  if (fa && method === "POST") {
    const id = decodeURIComponent(fa[1] ?? "");
    if (!kernel.store.get("treasury_financial_accounts", id))
      return { status: 404, body: { error: { message: `No such financial account: ${id}` } } };
    const changed = await runNow(kernel, (ctx) => activateFeatures(ctx, id));
    return { status: 200, body: { financial_account: id, activated: changed } };
  }
  return moneyControlsV2(kernel, method, pathname, params);
}
