/** Shared with the browser: no zod here. */
export const SUPPORTED_COUNTRIES = [
  { code: "US", name: "United States", funding: "Financial account in USD (Stripe Treasury)" },
  { code: "MX", name: "Mexico", funding: "USDC wallet with crypto and bank payouts" },
  { code: "AR", name: "Argentina", funding: "USDC wallet with crypto and bank payouts" },
] as const;

export const BUSINESS_TYPES = [
  { value: "company", label: "Company" },
  { value: "individual", label: "Individual or sole proprietor" },
  { value: "non_profit", label: "Non-profit" },
] as const;
