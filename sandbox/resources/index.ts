import type { Kernel } from "../kernel";
import { registerEventRoutes } from "../events/routes";
import { registerAccountRoutes } from "./accounts/routes";
import { registerAccountLinkRoutes } from "./account-links";
import { registerAccountSessionRoutes } from "./account-sessions";
import { registerV2AccountRoutes } from "./v2-accounts/routes";
import { loadAccount } from "./accounts/store";
import { registerTreasury } from "./treasury";
import { registerMoneyManagement } from "./money-management";
import { registerIssuingBalanceRoutes } from "./issuing-balance";
import { registerIssuing } from "./issuing";
import { registerFileRoutes } from "./files";

/**
 * Every resource module the sandbox serves. To add one: write `sandbox/resources/<name>/`
 * with a `register…(kernel)` that adds routes (and expanders), then list it here.
 */
export function registerResources(kernel: Kernel): void {
  const { router } = kernel;
  registerEventRoutes(router);
  registerAccountRoutes(router);
  registerAccountLinkRoutes(router);
  registerAccountSessionRoutes(router);
  registerV2AccountRoutes(kernel);
  registerTreasury(kernel);
  registerMoneyManagement(kernel);
  registerIssuingBalanceRoutes(kernel);
  registerIssuing(kernel);
  registerFileRoutes(kernel);
  kernel.expanders.set("acct", (id, ctx) => {
    const row = loadAccount(ctx, id);
    return row && (!ctx.isConnected || ctx.account === id) ? (row.data as unknown as Record<string, unknown>) : null;
  });
}
