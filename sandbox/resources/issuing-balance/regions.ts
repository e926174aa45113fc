/**
 * Where an Issuing balance is funded by push (bank transfer to funding instructions) rather than by pull
 * (top-ups debiting a bank): "Push funding is available in the UK and EU" and pull funding "isn't available in
 * the EU or the UK" (docs.stripe.com/issuing/connect/funding). The EEA here is the EU's 27 plus Iceland,
 * Liechtenstein and Norway [guess: Stripe says "EU" and "Europe"; the EEA is the broader, stricter reading].
 */
export const EEA: ReadonlySet<string> = new Set([
  ...["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT"],
  ...["LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"],
]);

/** GB or an EEA country: its Issuing balance is pushed to (funding instructions), never pulled by a top-up. */
export const pushFunded = (country: string): boolean => country === "GB" || EEA.has(country);

/** The bank transfer type that fits an account's country (`gb_bank_transfer` for GB, `eu_bank_transfer` for the EEA). */
export const transferTypeFor = (country: string): "gb_bank_transfer" | "eu_bank_transfer" | null =>
  country === "GB" ? "gb_bank_transfer" : EEA.has(country) ? "eu_bank_transfer" : null;
