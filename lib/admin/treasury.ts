import { z } from "zod";
import { operationsWithBusiness } from "@/db/queries/operations";
import { fail, ok } from "@/lib/errors";
import { type ActionResult } from "@/lib/errors";
import { moneyField } from "@/lib/money-field";
import { v2Request, type V2Object } from "@/lib/stripe/v2";
import type { AdminDeps } from "./deps";
import { FUNDING_KIND } from "./funding";
import { platformTreasuryAccount, platformV2UsdAccount, v2Amounts } from "./platform-accounts";
import { stripeFailure } from "@/lib/stripe/errors";

export type PlatformAddress = {
  id: string;
  status: string;
  bankName: string | null;
  routingNumber: string | null;
  last4: string | null;
};
export type PlatformTreasury = {
  financialAccount: { id: string; available: Record<string, number>; inboundPending: Record<string, number> } | null;
  addresses: PlatformAddress[];
  /** The platform's own v1 Treasury account (funds US businesses); null where Treasury isn't enabled. */
  treasuryAccount: { id: string; cash: number; inboundPending: number } | null;
};

function address(a: V2Object): PlatformAddress {
  const bank = a.credentials?.us_bank_account;
  return {
    id: String(a.id),
    status: String(a.status),
    bankName: bank?.bank_name ?? null,
    routingNumber: bank?.routing_number ?? null,
    last4: bank?.last4 ?? null,
  };
}

/** The platform's v1 Treasury balance in USD, or null when the platform has no Treasury account (or Treasury refuses). */
async function treasuryBalance(deps: AdminDeps): Promise<PlatformTreasury["treasuryAccount"]> {
  try {
    const fa = await platformTreasuryAccount(deps.stripe);
    return fa
      ? { id: fa.id, cash: fa.balance.cash.usd ?? 0, inboundPending: fa.balance.inbound_pending.usd ?? 0 }
      : null;
  } catch (err) {
    console.error("platform Treasury account unavailable", err);
    return null;
  }
}

/** The platform's own balances and financial addresses, read from Stripe (freshness matters here). */
export async function platformTreasury(deps: AdminDeps): Promise<PlatformTreasury> {
  const [fa, treasuryAccount] = await Promise.all([platformV2UsdAccount(deps.stripe), treasuryBalance(deps)]);
  if (!fa) return { financialAccount: null, addresses: [], treasuryAccount };
  const list = (await v2Request(deps.stripe, "GET", "/v2/money_management/financial_addresses")).data as
    V2Object[] | undefined;
  return {
    financialAccount: {
      id: String(fa.id),
      available: v2Amounts(fa.balance?.available),
      inboundPending: v2Amounts(fa.balance?.inbound_pending),
    },
    addresses: (list ?? []).filter((a) => a.financial_account === fa.id).map(address),
    treasuryAccount,
  };
}

/** Fundings to businesses, newest first, with the business they went to. */
export async function fundingHistory(deps: AdminDeps, limit = 50) {
  return operationsWithBusiness(deps.db, { kind: FUNDING_KIND, limit });
}

export const revealSchema = z.object({
  addressId: z
    .string()
    .regex(/^[A-Za-z0-9_]+$/)
    .max(100),
});

export const simulateWireSchema = z.object({
  addressId: z
    .string()
    .regex(/^[A-Za-z0-9_]+$/)
    .max(100),
  amount: moneyField("usd"),
});

/** The full account number of one of the platform's own addresses. */
export async function revealAccountNumber(
  deps: AdminDeps,
  addressId: string,
): Promise<ActionResult<{ accountNumber: string }>> {
  try {
    const a = await v2Request(
      deps.stripe,
      "GET",
      `/v2/money_management/financial_addresses/${addressId}?include[0]=credentials.us_bank_account.account_number`,
    );
    const number = a.credentials?.us_bank_account?.account_number;
    return typeof number === "string"
      ? ok({ accountNumber: number })
      : fail("not_found", undefined, "This address has no account number yet");
  } catch (err) {
    return stripeFailure(err, { field: "_form" }).result;
  }
}

/** Sandbox only: an incoming wire to the platform's financial address (Stripe's credit test helper). */
export async function simulateWire(
  deps: AdminDeps,
  input: z.output<typeof simulateWireSchema>,
): Promise<ActionResult<{ amount: number }>> {
  if (deps.mode !== "sandbox") return fail("forbidden", undefined, "Simulated wires exist only in sandbox mode");
  try {
    await v2Request(deps.stripe, "POST", `/v2/test_helpers/financial_addresses/${input.addressId}/credit`, {
      amount: { value: input.amount, currency: "usd" },
      network: "wire",
      statement_descriptor: "SIMULATED WIRE",
    });
    return ok({ amount: input.amount });
  } catch (err) {
    return stripeFailure(err, { amount: input.amount, currency: "usd" }).result;
  }
}
