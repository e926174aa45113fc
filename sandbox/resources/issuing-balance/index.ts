import type { Kernel } from "../../kernel";
import { balance } from "./balance";
import { registerBalanceTransactionRoutes } from "./balance-transactions";
import { registerFundingInstructionRoutes } from "./funding-instructions";
import { registerPayoutRoutes } from "./payouts";
import { registerTopupRoutes } from "./topups";

export { issuingHolder, paymentsHolder } from "./balance";

/**
 * `GET /v1/balance`, `/v1/topups` (+cancel; US and the platform only), `/v1/issuing/funding_instructions` and
 * `/v1/test_helpers/issuing/fund_balance` (GB/EEA push funding), `/v1/payouts`, `/v1/balance_transactions`:
 * the payments and Issuing balances.
 */
export function registerIssuingBalanceRoutes(kernel: Kernel): void {
  kernel.router.add({ method: "GET", path: "/v1/balance", handler: (ctx) => balance(ctx) });
  registerTopupRoutes(kernel);
  registerFundingInstructionRoutes(kernel);
  registerPayoutRoutes(kernel);
  registerBalanceTransactionRoutes(kernel);
}
