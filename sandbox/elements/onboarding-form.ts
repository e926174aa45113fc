import type Stripe from "stripe";
import { currencyFor } from "../resources/accounts/model";

export type FieldDef = {
  name: string;
  label: string;
  /** Requirement strings this field satisfies; the field shows when one of them is due. */
  covers: string[];
  type?: "text" | "email" | "tel" | "date" | "url" | "checkbox" | "select";
  options?: Array<[string, string]>;
  autocomplete?: string;
  hint?: string;
  testValue: (country: string) => string;
  check: (value: string, country: string) => string | null;
};

const need = (label: string) => (v: string) => (v.trim() ? null : `Enter ${label}.`);
const re = (pattern: RegExp, message: string, label: string) => (v: string) =>
  !v.trim() ? `Enter ${label}.` : pattern.test(v.trim()) ? null : message;
const us = (c: string) => c === "US";
/** Euro-area countries: their bank accounts are an IBAN alone (no routing number). */
const euro = (c: string) => currencyFor(c) === "eur";
/** Stripe's test IBANs (docs.stripe.com/connect/testing § bank numbers); other euro countries get a DE-shaped one with their prefix. */
const TEST_IBAN: Record<string, string> = {
  DE: "DE89370400440532013000",
  FR: "FR1420041010050500013M02606",
  IE: "IE29AIBK93115212345678",
  NL: "NL39RABO0300065264",
};

function checkDob(v: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return "Enter a date of birth as YYYY-MM-DD.";
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) return "Enter a real date of birth.";
  if (Number(m[1]) < 1900) return "Enter a year after 1900.";
  if (Date.now() - d.getTime() < 13 * 365.25 * 86400_000) return "The representative must be at least 13 years old.";
  return null;
}

/** The onboarding form's fields, in page order, with Stripe's test values prefilled. */
export const FIELDS: FieldDef[] = [
  {
    name: "business_type",
    label: "Business type",
    covers: ["business_type"],
    type: "select",
    options: [
      ["individual", "Individual or sole proprietor"],
      ["company", "Company"],
    ],
    testValue: () => "individual",
    check: re(/^(individual|company)$/, "Choose a business type.", "a business type"),
  },
  {
    name: "first_name",
    label: "First name",
    covers: ["individual.first_name"],
    autocomplete: "given-name",
    testValue: () => "Jenny",
    check: need("a first name"),
  },
  {
    name: "last_name",
    label: "Last name",
    covers: ["individual.last_name"],
    autocomplete: "family-name",
    testValue: () => "Rosen",
    check: need("a last name"),
  },
  {
    name: "email",
    label: "Email",
    covers: ["individual.email"],
    type: "email",
    autocomplete: "email",
    testValue: () => "jenny.rosen@example.com",
    check: re(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "Enter an email address like name@example.com.", "an email address"),
  },
  {
    name: "phone",
    label: "Phone",
    covers: ["individual.phone", "company.phone"],
    type: "tel",
    autocomplete: "tel",
    testValue: () => "+15555550100",
    check: re(/^\+?[0-9 ()-]{7,20}$/, "Enter a phone number, digits only, e.g. +15555550100.", "a phone number"),
  },
  {
    name: "dob",
    label: "Date of birth",
    covers: ["individual.dob.day", "individual.dob.month", "individual.dob.year"],
    type: "date",
    autocomplete: "bday",
    hint: "YYYY-MM-DD",
    testValue: () => "1901-01-01",
    check: checkDob,
  },
  {
    name: "ssn_last_4",
    label: "Last 4 digits of SSN",
    covers: ["individual.ssn_last_4"],
    testValue: () => "0000",
    check: re(/^\d{4}$/, "Enter exactly 4 digits.", "the last 4 digits of the SSN"),
  },
  {
    name: "id_number",
    label: "National ID number",
    covers: ["individual.id_number"],
    testValue: () => "000000000",
    check: re(/^[0-9A-Za-z]{6,20}$/, "Enter 6 to 20 letters or digits.", "an ID number"),
  },
  {
    name: "company_name",
    label: "Legal business name (companies only)",
    covers: ["company.name"],
    autocomplete: "organization",
    testValue: () => "Rosen Widgets LLC",
    check: need("the legal business name"),
  },
  {
    name: "tax_id",
    label: "Tax ID (EIN, companies only)",
    covers: ["company.tax_id"],
    testValue: () => "000000000",
    check: (v, c) => (us(c) ? re(/^\d{9}$/, "Enter the 9-digit EIN.", "the tax ID")(v) : need("the tax ID")(v)),
  },
  {
    name: "line1",
    label: "Street address",
    covers: ["individual.address.line1", "company.address.line1"],
    autocomplete: "address-line1",
    testValue: () => "address_full_match",
    check: need("a street address"),
  },
  {
    name: "city",
    label: "City",
    covers: ["individual.address.city", "company.address.city"],
    autocomplete: "address-level2",
    testValue: () => "San Francisco",
    check: need("a city"),
  },
  {
    name: "state",
    label: "State",
    covers: ["individual.address.state", "company.address.state"],
    autocomplete: "address-level1",
    hint: "Two letters, e.g. CA",
    testValue: () => "CA",
    check: re(/^[A-Z]{2}$/, "Enter the two-letter state code, e.g. CA.", "a state"),
  },
  {
    name: "postal_code",
    label: "Postal code",
    covers: ["individual.address.postal_code", "company.address.postal_code"],
    autocomplete: "postal-code",
    testValue: (c) => (us(c) ? "94111" : "06600"),
    check: (v, c) =>
      us(c) ? re(/^\d{5}(-\d{4})?$/, "Enter a 5-digit ZIP code.", "a ZIP code")(v) : need("a postal code")(v),
  },
  {
    name: "mcc",
    label: "Merchant category code",
    covers: ["business_profile.mcc"],
    hint: "4 digits, e.g. 5734",
    testValue: () => "5734",
    check: re(/^\d{4}$/, "Enter a 4-digit merchant category code.", "a merchant category code"),
  },
  {
    name: "url",
    label: "Business website",
    covers: ["business_profile.url"],
    type: "url",
    autocomplete: "url",
    testValue: () => "https://example.com",
    check: re(/^https?:\/\/[^\s.]+\.[^\s]+$/, "Enter a website starting with https://.", "a website"),
  },
  {
    name: "routing_number",
    label: "Routing number",
    covers: ["external_account"],
    // Labels stay as in the US (e2e finds them by label); the hint says what other countries enter.
    hint: "US: 9 digits (110000000 is Stripe's test bank); UK: the 6-digit sort code (108800); euro area: leave empty and enter the IBAN as the account number",
    testValue: (c) => (c === "GB" ? "108800" : euro(c) ? "" : "110000000"),
    check: (v, c) =>
      euro(c)
        ? null
        : c === "GB"
          ? re(/^\d{6}$/, "Enter the 6-digit sort code.", "a sort code")(v.replace(/-/g, ""))
          : re(/^\d{9}$/, "Enter the 9-digit routing number.", "a routing number")(v),
  },
  {
    name: "account_number",
    label: "Account number",
    covers: ["external_account"],
    testValue: (c) =>
      c === "GB" ? "00012345" : euro(c) ? (TEST_IBAN[c] ?? `${c}89370400440532013000`) : "000123456789",
    check: (v, c) =>
      euro(c)
        ? re(
            new RegExp(`^${c}\\d{2}[A-Z0-9]{10,30}$`),
            `Enter an IBAN starting with ${c}.`,
            "an IBAN",
          )(v.replace(/\s/g, ""))
        : c === "GB"
          ? re(/^\d{8}$/, "Enter the 8-digit account number.", "an account number")(v)
          : re(/^\d{4,17}$/, "Enter 4 to 17 digits.", "an account number")(v),
  },
  {
    name: "tos",
    label: "I accept the Stripe Connected Account Agreement",
    covers: ["tos_acceptance.date", "tos_acceptance.ip"],
    type: "checkbox",
    testValue: () => "on",
    check: (v) => (v === "on" ? null : "Accept the agreement to continue."),
  },
  {
    name: "tos_card_issuing",
    label: "I accept the Issuing cardholder terms",
    covers: ["card_issuing.tos_acceptance.date", "card_issuing.tos_acceptance.ip"],
    type: "checkbox",
    testValue: () => "on",
    check: (v) => (v === "on" ? null : "Accept the Issuing terms to continue."),
  },
  {
    name: "tos_treasury",
    label: "I accept the Financial Accounts terms",
    covers: ["treasury.tos_acceptance.date", "treasury.tos_acceptance.ip"],
    type: "checkbox",
    testValue: () => "on",
    check: (v) => (v === "on" ? null : "Accept the Financial Accounts terms to continue."),
  },
];

const COMPANY_ONLY = new Set(["company_name", "tax_id"]);
const INDIVIDUAL_ONLY = new Set(["first_name", "last_name", "email", "dob", "ssn_last_4", "id_number"]);

/** Fields to show: those covering a due requirement, narrowed to the chosen business type. */
export function fieldsFor(due: string[], businessType: string | null): FieldDef[] {
  return FIELDS.filter((f) => {
    if (!f.covers.some((c) => due.includes(c))) return false;
    if (businessType === "company" && INDIVIDUAL_ONLY.has(f.name)) return false;
    if (businessType === "individual" && COMPANY_ONLY.has(f.name)) return false;
    return true;
  });
}

export function validate(fields: FieldDef[], values: Record<string, string>, country: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const err = f.check(values[f.name] ?? "", country);
    if (err) errors[f.name] = err;
  }
  return errors;
}

/** Turns valid form values into account update parameters (what the API would have received). */
export function toAccountParams(
  values: Record<string, string>,
  account: Stripe.Account,
  now: number,
  ip: string,
  userAgent: string,
): Record<string, unknown> {
  const v = (k: string) => values[k]?.trim() || undefined;
  const type = v("business_type") ?? account.business_type ?? "individual";
  const address = {
    line1: v("line1"),
    city: v("city"),
    state: v("state"),
    postal_code: v("postal_code"),
    country: account.country,
  };
  const clean = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
  const p: Record<string, unknown> = { business_type: type };
  const [year, month, day] = (v("dob") ?? "").split("-").map(Number);
  if (type === "individual") {
    p.individual = clean({
      first_name: v("first_name"),
      last_name: v("last_name"),
      email: v("email"),
      phone: v("phone"),
      ssn_last_4: v("ssn_last_4"),
      id_number: v("id_number"),
      address: v("line1") ? clean(address) : undefined,
      dob: year ? { day, month, year } : undefined,
    });
  } else {
    p.company = clean({
      name: v("company_name"),
      tax_id: v("tax_id"),
      phone: v("phone"),
      address: v("line1") ? clean(address) : undefined,
    });
  }
  if (v("mcc") || v("url")) p.business_profile = clean({ mcc: v("mcc"), url: v("url") });
  if (v("account_number"))
    p.external_account = clean({
      object: "bank_account",
      country: account.country,
      currency: account.default_currency,
      routing_number: v("routing_number")?.replace(/-/g, ""),
      account_number: v("account_number")?.replace(/\s/g, ""),
    });
  const acceptance = { date: now, ip, user_agent: userAgent };
  if (values.tos === "on") p.tos_acceptance = acceptance;
  const settings: Record<string, unknown> = {};
  if (values.tos_card_issuing === "on") settings.card_issuing = { tos_acceptance: acceptance };
  if (values.tos_treasury === "on") settings.treasury = { tos_acceptance: acceptance };
  if (Object.keys(settings).length) p.settings = settings;
  return p;
}
