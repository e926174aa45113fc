import type { Kernel } from "../../kernel";
import { registerFinancialAccountRoutes } from "./financial-accounts";
import { registerInboundTransferRoutes } from "./inbound-transfers";
import { registerOutboundFlowRoutes } from "./outbound-flows";
import { registerPaymentMethodRoutes } from "./payment-methods";
import { registerPlatformFa } from "./platform-fa";
import { registerReceivedRoutes } from "./received";
import { registerSetupIntentRoutes } from "./setup-intents";
import { registerTreasuryTransactionRoutes } from "./transactions";

/** v1 Treasury and the PaymentMethod/SetupIntent objects its bank flows need. */
export function registerTreasury(kernel: Kernel): void {
  registerPaymentMethodRoutes(kernel);
  registerSetupIntentRoutes(kernel);
  registerFinancialAccountRoutes(kernel);
  registerPlatformFa(kernel);
  registerInboundTransferRoutes(kernel);
  registerOutboundFlowRoutes(kernel);
  registerReceivedRoutes(kernel);
  registerTreasuryTransactionRoutes(kernel);
}
