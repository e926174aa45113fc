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
