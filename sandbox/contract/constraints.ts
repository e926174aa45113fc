/**
 * Value rules that Stripe's API reference states and a type cannot express (ranges, lengths,
 * formats). The SDK's types decide which parameters exist and their shapes; these only narrow
 * the values. A rule names its endpoint (`POST /v1/issuing/cards`, `*` for every endpoint) and
 * a parameter path without array indices (`spending_controls.spending_limits.amount`); a path
 * starting with `*.` matches that suffix at any depth.
 */
export type Constraint = {
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: RegExp;
  maxItems?: number;
  /** Keys of a map (metadata). */
  maxKeys?: number;
  /** A `number` that takes decimals; every other `number` parameter is an integer, as Stripe's amounts are. */
  float?: true;
};

type Rule = { endpoint: string; param: string; rule: Constraint };

const URL_RE = /^https?:\/\/\S+$/;
const positive: Constraint = { min: 1 };
const range = (min: number, max?: number): Constraint => (max === undefined ? { min } : { min, max });

const RULES: Rule[] = [
  // docs.stripe.com/api/pagination: "limit can range between 1 and 100".
  { endpoint: "*", param: "limit", rule: range(1, 100) },
  // docs.stripe.com/api/metadata: up to 50 keys, values up to 500 characters.
  { endpoint: "*", param: "metadata", rule: { maxKeys: 50 } },
  { endpoint: "*", param: "*.metadata", rule: { maxKeys: 50 } },
  { endpoint: "*", param: "metadata.*", rule: { maxLength: 500 } },
  { endpoint: "*", param: "*.dob.day", rule: range(1, 31) },
  { endpoint: "*", param: "*.dob.month", rule: range(1, 12) },
  { endpoint: "*", param: "*.dob.year", rule: range(1900, 2100) },
  { endpoint: "*", param: "*.date_of_birth.day", rule: range(1, 31) },
  { endpoint: "*", param: "*.date_of_birth.month", rule: range(1, 12) },
  { endpoint: "*", param: "*.date_of_birth.year", rule: range(1900, 2100) },
  { endpoint: "*", param: "*.tos_acceptance.date", rule: range(0) },
  { endpoint: "*", param: "*.spending_limits.amount", rule: range(0) },
  // Risk scores and rates are fractional in Stripe's API reference (Issuing authorization test helper).
  { endpoint: "*", param: "*.fraud_risk.score", rule: { float: true } },
  { endpoint: "*", param: "*.merchant_dispute_risk.dispute_rate", rule: { float: true } },
  { endpoint: "*", param: "*.card_testing_risk.invalid_credentials_decline_rate_past_hour", rule: { float: true } },
  { endpoint: "GET /v1/events", param: "types", rule: { maxItems: 20 } },
  { endpoint: "GET /v2/core/events", param: "types", rule: { maxItems: 20 } },

  { endpoint: "POST /v1/webhook_endpoints", param: "url", rule: { pattern: URL_RE } },
  { endpoint: "POST /v1/webhook_endpoints/{}", param: "url", rule: { pattern: URL_RE } },
  { endpoint: "POST /v2/core/event_destinations", param: "webhook_endpoint.url", rule: { pattern: URL_RE } },
  { endpoint: "POST /v2/core/event_destinations/{}", param: "webhook_endpoint.url", rule: { pattern: URL_RE } },
  { endpoint: "POST /v1/account_links", param: "refresh_url", rule: { pattern: URL_RE } },
  { endpoint: "POST /v1/account_links", param: "return_url", rule: { pattern: URL_RE } },
  ...["account_onboarding", "account_update"].flatMap((useCase): Rule[] =>
    ["refresh_url", "return_url"].map((url) => ({
      endpoint: "POST /v2/core/account_links",
      param: `use_case.${useCase}.${url}`,
      rule: { pattern: URL_RE },
    })),
  ),

  ...["POST /v1/accounts", "POST /v1/accounts/{}"].flatMap((endpoint): Rule[] => [
    { endpoint, param: "individual.first_name", rule: { maxLength: 100 } },
    { endpoint, param: "individual.last_name", rule: { maxLength: 100 } },
    { endpoint, param: "individual.ssn_last_4", rule: { pattern: /^\d{4}$/ } },
    { endpoint, param: "company.name", rule: { maxLength: 100 } },
    { endpoint, param: "business_profile.mcc", rule: { pattern: /^\d{4}$/ } },
    { endpoint, param: "business_profile.estimated_worker_count", rule: range(0) },
    { endpoint, param: "settings.payments.statement_descriptor", rule: { maxLength: 22 } },
    { endpoint, param: "settings.card_payments.statement_descriptor_prefix", rule: { maxLength: 10 } },
    // US routing number or UK sort code; digits or an IBAN. Which one a country takes: accounts/model.ts `bankAccount`.
    { endpoint, param: "external_account.routing_number", rule: { pattern: /^(\d{9}|\d{6})$/ } },
    {
      endpoint,
      param: "external_account.account_number",
      rule: { pattern: /^(\d{4,17}|[A-Z]{2}\d{2}[A-Z0-9]{10,30})$/ },
    },
    { endpoint, param: "default_currency", rule: { pattern: /^[a-z]{3}$/ } },
    { endpoint, param: "country", rule: { pattern: /^[A-Za-z]{2}$/ } },
  ]),
  ...["POST /v1/payment_methods", "POST /v1/setup_intents", "POST /v1/setup_intents/{}/confirm"].flatMap(
    (endpoint): Rule[] => {
      const at = endpoint === "POST /v1/payment_methods" ? "us_bank_account" : "payment_method_data.us_bank_account";
      return [
        { endpoint, param: `${at}.account_number`, rule: { pattern: /^\d{4,17}$/ } },
        { endpoint, param: `${at}.routing_number`, rule: { pattern: /^\d{9}$/ } },
      ];
    },
  ),

  { endpoint: "POST /v1/issuing/cards", param: "exp_month", rule: range(1, 12) },
  { endpoint: "POST /v1/issuing/cards", param: "exp_year", rule: range(2000) },
  { endpoint: "POST /v1/issuing/disputes", param: "amount", rule: positive },
  { endpoint: "POST /v1/issuing/disputes/{}", param: "amount", rule: positive },
  { endpoint: "POST /v1/test_helpers/issuing/authorizations", param: "amount", rule: range(0) },
  { endpoint: "POST /v1/test_helpers/issuing/authorizations", param: "merchant_amount", rule: range(0) },
  {
    endpoint: "POST /v1/test_helpers/issuing/authorizations",
    param: "merchant_data.category_code",
    rule: { pattern: /^\d{4}$/ },
  },
  { endpoint: "POST /v1/test_helpers/issuing/authorizations/{}/capture", param: "capture_amount", rule: positive },
  { endpoint: "POST /v1/test_helpers/issuing/authorizations/{}/reverse", param: "reverse_amount", rule: positive },
  { endpoint: "POST /v1/test_helpers/issuing/authorizations/{}/increment", param: "increment_amount", rule: positive },
  {
    endpoint: "POST /v1/test_helpers/issuing/authorizations/{}/finalize_amount",
    param: "final_amount",
    rule: positive,
  },
  { endpoint: "POST /v1/test_helpers/issuing/transactions/create_force_capture", param: "amount", rule: positive },
  { endpoint: "POST /v1/test_helpers/issuing/transactions/create_unlinked_refund", param: "amount", rule: positive },
  { endpoint: "POST /v1/test_helpers/issuing/transactions/{}/refund", param: "refund_amount", rule: positive },
  { endpoint: "POST /v1/topups", param: "statement_descriptor", rule: { maxLength: 15 } },
  // docs.stripe.com/issuing/funding/balance: "provide the amount parameter with a positive integer in the smallest currency unit".
  { endpoint: "POST /v1/test_helpers/issuing/fund_balance", param: "amount", rule: positive },
  { endpoint: "POST /v1/payouts", param: "statement_descriptor", rule: { maxLength: 22 } },
  { endpoint: "POST /v1/treasury/inbound_transfers", param: "statement_descriptor", rule: { maxLength: 10 } },
  { endpoint: "POST /v1/treasury/outbound_payments", param: "statement_descriptor", rule: { maxLength: 10 } },
  { endpoint: "POST /v1/treasury/outbound_transfers", param: "statement_descriptor", rule: { maxLength: 10 } },

  ...["POST /v2/core/accounts", "POST /v2/core/accounts/{}"].flatMap((endpoint): Rule[] => [
    { endpoint, param: "identity.country", rule: { pattern: /^[A-Za-z]{2}$/ } },
    { endpoint, param: "configuration.merchant.mcc", rule: { pattern: /^\d{4}$/ } },
  ]),
  // docs.stripe.com/api/v2/money-management/financial-accounts: "display_name … up to 50 characters".
  { endpoint: "POST /v2/money_management/financial_accounts", param: "display_name", rule: { maxLength: 50 } },
];

const exact = new Map<string, Constraint>();
const suffixes: Array<{ endpoint: string; suffix: string; rule: Constraint }> = [];
for (const r of RULES) {
  if (r.param.startsWith("*.")) suffixes.push({ endpoint: r.endpoint, suffix: r.param.slice(1), rule: r.rule });
  else exact.set(`${r.endpoint} ${r.param}`, r.rule);
}

/** The rule for one parameter (array indices in `path` are ignored; `metadata.<key>` matches `metadata.*`). */
export function constraintFor(endpoint: string, path: string[]): Constraint | undefined {
  const parts = path.filter((p) => !/^\d+$/.test(p));
  const dotted = parts.join(".");
  const found = exact.get(`${endpoint} ${dotted}`) ?? exact.get(`* ${dotted}`);
  if (found) return found;
  if (parts.length === 2 && parts[0] === "metadata") return exact.get("* metadata.*");
  const here = `.${dotted}`;
  return suffixes.find((s) => (s.endpoint === "*" || s.endpoint === endpoint) && here.endsWith(s.suffix))?.rule;
}
