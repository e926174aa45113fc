/** Capabilities this sandbox models; requesting another is a 400 naming it (Stripe would accept it). */
export const CAPABILITIES = [
  "card_issuing",
  "treasury",
  "transfers",
  "us_bank_account_ach_payments",
  "card_payments",
] as const;
export type CapabilityName = (typeof CAPABILITIES)[number];
