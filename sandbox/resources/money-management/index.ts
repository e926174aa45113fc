import type { Kernel } from "../../kernel";
import { registerV2FinancialAccountRoutes } from "./financial-accounts";
import { registerV2FinancialAddressRoutes } from "./financial-addresses";
import { registerV2OutboundPaymentRoutes } from "./outbound-payments";
import { registerV2OutboundTransferRoutes } from "./outbound-transfers";
import { registerPayoutMethodRoutes } from "./payout-methods";
import { registerV2ReceivedRoutes } from "./received";
import { registerV2TransactionRoutes } from "./transactions";

/** v2 money management in the 2025-12-15.preview shapes of Stripe's stablecoin guide. */
export function registerMoneyManagement(kernel: Kernel): void {
  registerV2FinancialAccountRoutes(kernel);
  registerV2FinancialAddressRoutes(kernel);
  registerV2ReceivedRoutes(kernel);
  registerV2TransactionRoutes(kernel);
  registerPayoutMethodRoutes(kernel);
  registerV2OutboundPaymentRoutes(kernel);
  registerV2OutboundTransferRoutes(kernel);
}
