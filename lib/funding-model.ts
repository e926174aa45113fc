import type { FundingModel } from "@/db/schema";

const EEA_AND_UK = new Set([
  "GB",
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
]);

/** The business's country chooses how it is funded (see architecture.md, "Three funding models"). */
export function fundingModelFor(country: string): FundingModel | null {
  const c = country.toUpperCase();
  if (c === "US") return "treasury";
  if (c === "MX" || c === "AR") return "stablecoin";
  if (EEA_AND_UK.has(c)) return "issuing_balance";
  return null;
}

/**
 * The currency a business holds and spends: USD on a US financial account, USDC in a stablecoin
 * wallet, and on the Issuing balance GBP in the UK and EUR elsewhere in the EEA (Stripe issues
 * cards in those two currencies in Europe; the non-euro EEA countries are issued in EUR too).
 */
export function balanceCurrencyFor(country: string): string {
  const model = fundingModelFor(country);
  if (model === "stablecoin") return "usdc";
  if (model === "issuing_balance") return country.toUpperCase() === "GB" ? "gbp" : "eur";
  return "usd";
}

/** The currency of the business's cards and their spending controls (stablecoin cards are in USD). */
export function cardCurrencyFor(country: string): string {
  const c = balanceCurrencyFor(country);
  return c === "usdc" ? "usd" : c;
}
