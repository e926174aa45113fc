import type Stripe from "stripe";
import { v2Request, type V2Object } from "@/lib/stripe/v2";

/** The platform's own v2 financial account holding USD (it funds stablecoin businesses). */
export async function platformV2UsdAccount(stripe: Stripe): Promise<V2Object | null> {
  const list = (await v2Request(stripe, "GET", "/v2/money_management/financial_accounts")).data as
    V2Object[] | undefined;
  return (
    list?.find(
      (fa) => fa.status === "open" && ((fa.storage?.holds_currencies as string[] | undefined) ?? []).includes("usd"),
    ) ??
    list?.find((fa) => fa.status === "open") ??
    null
  );
}

/**
 * The platform's own v1 Treasury financial account (Stripe provisions one for Treasury platforms;
 * it is addressed without a Stripe-Account header). Funds US businesses.
 */
export async function platformTreasuryAccount(stripe: Stripe): Promise<Stripe.Treasury.FinancialAccount | null> {
  const list = await stripe.treasury.financialAccounts.list({ limit: 10 });
  return list.data.find((fa) => fa.status === "open" && fa.supported_currencies.includes("usd")) ?? null;
}

/** `{ usd: 123 }` from a v2 balance bucket `{ usd: { value, currency } }`. */
export function v2Amounts(bucket: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [currency, money] of Object.entries((bucket ?? {}) as Record<string, { value?: number }>))
    out[currency] = Number(money?.value ?? 0);
  return out;
}
