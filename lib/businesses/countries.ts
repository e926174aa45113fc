/** Shared with the browser: no zod here. */
export const SUPPORTED_COUNTRIES = [
  { code: "US", name: "United States", funding: "Financial account in USD (Stripe Treasury)" },
  { code: "MX", name: "Mexico", funding: "USDC wallet with crypto and bank payouts" },
  { code: "AR", name: "Argentina", funding: "USDC wallet with crypto and bank payouts" },
  { code: "GB", name: "United Kingdom", funding: "Issuing balance in GBP, funded by bank transfer to its sort code" },
  { code: "IE", name: "Ireland", funding: "Issuing balance in EUR, funded by bank transfer to its IBAN" },
  { code: "FR", name: "France", funding: "Issuing balance in EUR, funded by bank transfer to its IBAN" },
  { code: "DE", name: "Germany", funding: "Issuing balance in EUR, funded by bank transfer to its IBAN" },
  { code: "NL", name: "Netherlands", funding: "Issuing balance in EUR, funded by bank transfer to its IBAN" },
  { code: "ES", name: "Spain", funding: "Issuing balance in EUR, funded by bank transfer to its IBAN" },
] as const;

export type SupportedCountry = (typeof SUPPORTED_COUNTRIES)[number]["code"];

export const BUSINESS_TYPES = [
  { value: "company", label: "Company" },
  { value: "individual", label: "Individual or sole proprietor" },
  { value: "non_profit", label: "Non-profit" },
] as const;
