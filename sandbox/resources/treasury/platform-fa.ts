import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { runNow } from "../later";
import { FAS, type FaRow } from "./common";
import { newFaRow } from "./financial-accounts";

/**
 * The features of the platform's own financial account: money movement and an ABA address, but no
 * `card_issuing` (Stripe: Issuing cards can't be attached to a platform financial account) and no
 * ACH inbound transfers (the platform has no `us_bank_account_ach_payments` capability here).
 */
const PLATFORM_FEATURES = {
  deposit_insurance: { requested: true },
  financial_addresses: { aba: { requested: true } },
  intra_stripe_flows: { requested: true },
  outbound_payments: { ach: { requested: true }, us_domestic_wire: { requested: true } },
  outbound_transfers: { ach: { requested: true }, us_domestic_wire: { requested: true } },
};

/**
 * The platform's own v1 Treasury financial account, which Stripe provisions for a Treasury platform
 * and which is addressed without a `Stripe-Account` header. Idempotent: created once per data dir
 * and after each reset, with its ABA address already active; it "was always there", so no event.
 * It starts empty, as on Stripe: fund it with `POST /v1/test_helpers/treasury/received_credits`.
 */
export function platformTreasuryFa(ctx: Ctx): FaRow {
  const existing = ctx.kernel.store.rows<FaRow["data"]>(FAS).find(([, r]) => r.owner === ctx.platform);
  if (existing) return existing[1] as FaRow;
  const row = newFaRow(
    ctx,
    ctx.platform,
    { supported_currencies: ["usd"], nickname: "Platform financial account", features: PLATFORM_FEATURES },
    true,
  );
  row.extra.activated = ["financial_addresses.aba"];
  ctx.tx.put(FAS, row.data.id, row);
  return row;
}

export function registerPlatformFa(kernel: Kernel): void {
  kernel.onStart.push(() => void runNow(kernel, (ctx) => platformTreasuryFa(ctx)));
}
