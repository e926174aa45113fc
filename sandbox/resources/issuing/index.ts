import type { Kernel } from "../../kernel";
import { registerCardholderRoutes } from "./cardholders";
import { registerCardRoutes } from "./cards";
import { registerAuthorizationRoutes } from "./authorizations";
import { registerTransactionRoutes } from "./transactions";
import { registerDisputeRoutes } from "./disputes";
import { registerEphemeralKeys } from "./ephemeral-keys";
import { registerTokenRoutes } from "./tokens";

/**
 * Sandbox Issuing: cardholders, cards (+ shipping helpers), authorizations (+ helpers), transactions, disputes, ephemeral keys, wallet tokens.
 * Their balance transactions (cards on the Issuing balance) are served by `issuing-balance/balance-transactions.ts`.
 */
export function registerIssuing(kernel: Kernel): void {
  registerCardholderRoutes(kernel);
  registerCardRoutes(kernel);
  registerAuthorizationRoutes(kernel);
  registerTransactionRoutes(kernel);
  registerDisputeRoutes(kernel);
  registerEphemeralKeys(kernel);
  registerTokenRoutes(kernel);
}
