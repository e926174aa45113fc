import { bool, emptyable, int, metadata, obj, oneOf, str, union, type Field } from "../../wire/schema";

/** Capabilities this sandbox knows; others are "Received unknown parameter: capabilities[x]". */
export const CAPABILITIES = ["card_issuing", "treasury", "transfers", "us_bank_account_ach_payments", "card_payments"] as const;
export type CapabilityName = (typeof CAPABILITIES)[number];

const address = () =>
  emptyable(obj({ city: emptyable(str()), country: emptyable(str()), line1: emptyable(str()), line2: emptyable(str()), postal_code: emptyable(str()), state: emptyable(str()) }));
const tos = () => obj({ date: int({ min: 0 }), ip: str(), user_agent: emptyable(str()) });
const dob = () => emptyable(obj({ day: int({ min: 1, max: 31 }), month: int({ min: 1, max: 12 }), year: int({ min: 1900, max: 2100 }) }));

const capabilities = (): Field => {
  const fields: Record<string, Field> = {};
  for (const c of CAPABILITIES) fields[c] = obj({ requested: bool() });
  return obj(fields);
};

const individual = () =>
  obj({
    first_name: emptyable(str({ max: 100 })),
    last_name: emptyable(str({ max: 100 })),
    email: emptyable(str()),
    phone: emptyable(str()),
    dob: dob(),
    address: address(),
    ssn_last_4: str({ pattern: /^\d{4}$/ }),
    id_number: str(),
    maiden_name: emptyable(str()),
    metadata: metadata(),
    relationship: obj({ director: bool(), executive: bool(), owner: bool(), percent_ownership: emptyable(str()), title: str() }),
  });

const company = () =>
  obj({
    name: emptyable(str({ max: 100 })),
    tax_id: str(),
    phone: emptyable(str()),
    address: address(),
    registration_number: str(),
    structure: emptyable(str()),
    vat_id: str(),
    owners_provided: bool(),
    directors_provided: bool(),
    executives_provided: bool(),
  });

const businessProfile = () =>
  obj({
    mcc: str({ pattern: /^\d{4}$/ }),
    name: emptyable(str()),
    product_description: emptyable(str()),
    support_email: emptyable(str()),
    support_phone: emptyable(str()),
    support_url: emptyable(str()),
    url: emptyable(str()),
    estimated_worker_count: int({ min: 0 }),
    support_address: address(),
    annual_revenue: obj({ amount: int(), currency: str(), fiscal_year_end: str() }),
  });

const settings = () =>
  obj({
    card_issuing: obj({ tos_acceptance: tos() }),
    treasury: obj({ tos_acceptance: tos() }),
    dashboard: obj({ display_name: str(), timezone: str() }),
    payments: obj({ statement_descriptor: str({ max: 22 }) }),
    payouts: obj({
      debit_negative_balances: bool(),
      statement_descriptor: str(),
      schedule: obj({ delay_days: union({ kind: "int" }, { kind: "string", enum: ["minimum"] }), interval: oneOf("manual", "daily", "weekly", "monthly"), weekly_anchor: str(), monthly_anchor: int() }),
    }),
    branding: obj({ primary_color: str(), secondary_color: str(), icon: str(), logo: str() }),
    card_payments: obj({ statement_descriptor_prefix: str({ max: 10 }), decline_on: obj({ avs_failure: bool(), cvc_failure: bool() }) }),
  });

const externalAccount = () =>
  emptyable(
    union(
      { kind: "string" },
      {
        kind: "object",
        fields: {
          object: { ...oneOf("bank_account"), required: true },
          country: { ...str(), required: true },
          currency: str(),
          routing_number: str({ pattern: /^\d{9}$/ }),
          account_number: { ...str({ pattern: /^\d{4,17}$/ }), required: true },
          account_holder_name: str(),
          account_holder_type: oneOf("individual", "company"),
        },
      },
    ),
  );

const shared = (): Record<string, Field> => ({
  business_profile: businessProfile(),
  business_type: oneOf("individual", "company", "non_profit", "government_entity"),
  capabilities: capabilities(),
  company: company(),
  default_currency: str({ pattern: /^[a-z]{3}$/ }),
  email: str(),
  external_account: externalAccount(),
  individual: individual(),
  metadata: metadata(),
  settings: settings(),
  tos_acceptance: obj({ date: int({ min: 0 }), ip: str(), user_agent: emptyable(str()), service_agreement: oneOf("full", "recipient") }),
});

export const accountCreateParams: Record<string, Field> = {
  ...shared(),
  type: oneOf("custom", "express", "standard"),
  country: str({ pattern: /^[A-Za-z]{2}$/ }),
  controller: obj({
    fees: obj({ payer: oneOf("account", "application") }),
    losses: obj({ payments: oneOf("application", "stripe") }),
    requirement_collection: oneOf("application", "stripe"),
    stripe_dashboard: obj({ type: oneOf("express", "full", "none") }),
  }),
};

export const accountUpdateParams: Record<string, Field> = shared();
