import { arr, bool, emptyable, int, map, obj, oneOf, str, type Field } from "../../wire/schema";

/** Capabilities per configuration, as dotted paths (2025-12-15.preview shape; storer/card_creator from the stablecoin guide). */
export const CONFIG_CAPABILITIES: Record<string, string[]> = {
  merchant: ["card_payments", "ach_debit_payments", "us_bank_account_ach_payments", "stripe_balance.payouts"],
  storer: [
    "holds_currencies.usd", "holds_currencies.usdc", "holds_currencies.eur", "holds_currencies.gbp",
    "financial_addresses.bank_accounts", "financial_addresses.crypto_wallets", "inbound_transfers.bank_accounts",
    "outbound_payments.bank_accounts", "outbound_payments.cards", "outbound_payments.crypto_wallets", "outbound_payments.financial_accounts",
    "outbound_transfers.bank_accounts", "outbound_transfers.crypto_wallets", "outbound_transfers.financial_accounts",
  ],
  card_creator: [
    "commercial.celtic.charge_card", "commercial.celtic.spend_card", "commercial.cross_river_bank.charge_card", "commercial.cross_river_bank.spend_card",
    "commercial.lead.prepaid_card", "commercial.stripe.charge_card", "commercial.stripe.prepaid_card",
  ],
  recipient: ["bank_accounts.local", "bank_accounts.wire", "bank_accounts.instant", "cards", "crypto_wallets", "stripe_balance.stripe_transfers", "stripe_balance.payouts"],
  customer: [],
};
/** Configurations only offered to accounts in these countries (stablecoin preview markets). */
export const STABLECOIN_ONLY: Record<string, string[]> = { storer: ["mx", "ar"], card_creator: ["mx", "ar"] };

export const INCLUDABLE = ["configuration.card_creator", "configuration.customer", "configuration.merchant", "configuration.recipient", "configuration.storer", "defaults", "future_requirements", "identity", "requirements"] as const;

/** Builds the nested `{a: {b: {requested}}}` schema from dotted capability paths. */
function capabilityTree(paths: string[]): Field {
  const root: Record<string, unknown> = {};
  for (const p of paths) {
    let node = root;
    const parts = p.split(".");
    parts.forEach((part, i) => {
      node[part] ??= i === parts.length - 1 ? obj({ requested: bool() }) : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  const build = (n: Record<string, unknown>): Field => ("kind" in n ? (n as Field) : obj(Object.fromEntries(Object.entries(n).map(([k, v]) => [k, build(v as Record<string, unknown>)]))));
  return build(root);
}

const address = () => obj({ city: str(), country: str(), line1: str(), line2: emptyable(str()), postal_code: str(), state: str(), town: str() });
const idNumbers = () => arr(obj({ type: str(), value: str() }));
const tos = () => obj({ date: str(), ip: str(), user_agent: emptyable(str()) });

const configuration = (): Field =>
  obj(
    Object.fromEntries(
      Object.entries(CONFIG_CAPABILITIES).map(([name, paths]) => [
        name,
        obj({ capabilities: capabilityTree(paths), ...(name === "merchant" ? { mcc: str({ pattern: /^\d{4}$/ }) } : {}) }),
      ]),
    ),
  );

export const v2AccountParams: Record<string, Field> = {
  contact_email: str(),
  display_name: str(),
  dashboard: oneOf("express", "full", "none"),
  metadata: map(),
  identity: obj({
    country: str({ pattern: /^[A-Za-z]{2}$/ }),
    entity_type: oneOf("individual", "company", "non_profit", "government_entity"),
    business_details: obj({ registered_name: str(), doing_business_as: str(), url: str(), phone: str(), address: address(), id_numbers: idNumbers(), structure: str() }),
    individual: obj({
      given_name: str(), surname: str(), email: str(), phone: str(), address: address(), id_numbers: idNumbers(),
      date_of_birth: obj({ day: int({ min: 1, max: 31 }), month: int({ min: 1, max: 12 }), year: int({ min: 1900 }) }), nationalities: arr(str()),
    }),
    attestations: obj({ terms_of_service: obj({ account: tos(), storer: tos(), card_creator: obj({ commercial: obj({ lead: obj({ prepaid_card: tos() }), account_holder: tos() }) }) }) }),
  }),
  defaults: obj({
    currency: str(),
    locales: arr(str()),
    profile: obj({ business_url: str(), doing_business_as: str(), product_description: str() }),
    responsibilities: obj({ fees_collector: oneOf("application", "stripe", "application_custom", "application_express"), losses_collector: oneOf("application", "stripe") }),
  }),
  configuration: configuration(),
};
