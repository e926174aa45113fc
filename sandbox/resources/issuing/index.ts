import type { Kernel } from "../../kernel";
import { registerCardholderRoutes } from "./cardholders";
import { registerCardRoutes } from "./cards";
import { registerAuthorizationRoutes } from "./authorizations";
import { registerTransactionRoutes } from "./transactions";
import { registerDisputeRoutes } from "./disputes";
import { registerEphemeralKeys } from "./ephemeral-keys";
import { TABLES } from "./common";
import { resourceMissing } from "../../wire/errors";

/** Sandbox Issuing: cardholders, cards (+ shipping helpers), authorizations (+ helpers), transactions, disputes, ephemeral keys. */
export function registerIssuing(kernel: Kernel): void {
  registerCardholderRoutes(kernel);
  registerCardRoutes(kernel);
  registerAuthorizationRoutes(kernel);
  registerTransactionRoutes(kernel);
  registerDisputeRoutes(kernel);
  registerEphemeralKeys(kernel);
  kernel.router.add({
    method: "GET",
    path: "/v1/balance_transactions/:id",
    handler: (ctx) => {
      const row = ctx.tx.get(TABLES.balanceTxns, ctx.path.id ?? "");
      if (!row || row.owner !== ctx.account) throw resourceMissing("balance_transaction", ctx.path.id ?? "");
      return row.data;
    },
  });
}
