/** Capabilities per configuration, as dotted paths (2025-12-15.preview shape; storer/card_creator from the stablecoin guide). */
export const CONFIG_CAPABILITIES: Record<string, string[]> = {
  merchant: ["card_payments", "ach_debit_payments", "us_bank_account_ach_payments", "stripe_balance.payouts"],
  storer: [
    "holds_currencies.usd",
    "holds_currencies.usdc",
    "holds_currencies.eur",
    "holds_currencies.gbp",
    "financial_addresses.bank_accounts",
    "financial_addresses.crypto_wallets",
    "inbound_transfers.bank_accounts",
    "outbound_payments.bank_accounts",
    "outbound_payments.cards",
    "outbound_payments.crypto_wallets",
    "outbound_payments.financial_accounts",
    "outbound_transfers.bank_accounts",
    "outbound_transfers.crypto_wallets",
    "outbound_transfers.financial_accounts",
  ],
  card_creator: [
    "commercial.celtic.charge_card",
    "commercial.celtic.spend_card",
    "commercial.cross_river_bank.charge_card",
    "commercial.cross_river_bank.spend_card",
    "commercial.lead.prepaid_card",
    "commercial.stripe.charge_card",
    "commercial.stripe.prepaid_card",
  ],
  recipient: [
    "bank_accounts.local",
    "bank_accounts.wire",
    "bank_accounts.instant",
    "cards",
    "crypto_wallets",
    "stripe_balance.stripe_transfers",
    "stripe_balance.payouts",
  ],
  customer: [],
};
/** Configurations only offered to accounts in these countries (stablecoin preview markets). */
export const STABLECOIN_ONLY: Record<string, string[]> = { storer: ["mx", "ar"], card_creator: ["mx", "ar"] };

export const INCLUDABLE = [
  "configuration.card_creator",
  "configuration.customer",
  "configuration.merchant",
  "configuration.recipient",
  "configuration.storer",
  "defaults",
  "future_requirements",
  "identity",
  "requirements",
] as const;
