import type Stripe from "stripe";
import type { Ctx } from "../../wire/context";
import { invalidRequest } from "../../wire/errors";
import { deepMerge, mergeMetadata } from "../common";
import { CAPABILITIES, type CapabilityName } from "./params";
import { dueFor, dueForAccount, emptyRequirements, requirementsHash } from "./requirements";

type Json = Record<string, unknown>;
export type KycOutcome = "approve" | "reject" | "pending";

/** Hidden per-account state: KYC outcome, which capabilities finished verification, sensitive inputs. */
export type AccountExtra = {
  kyc: KycOutcome;
  requested: Partial<Record<CapabilityName, number>>;
  verified: Partial<Record<CapabilityName, boolean>>;
  ssn_last_4?: string;
  id_number?: string;
  tax_id?: string;
  /** v2 view state (configurations, identity extras, dashboard…) when created or touched through /v2. */
  v2?: Json;
};

const CURRENCY: Record<string, string> = {
  US: "usd",
  MX: "mxn",
  AR: "ars",
  GB: "gbp",
  CA: "cad",
  AU: "aud",
  BR: "brl",
  CO: "cop",
};
export const currencyFor = (country: string) => CURRENCY[country] ?? "eur";
/** Capabilities only US accounts can request (Treasury: docs.stripe.com/treasury "available in the US"; ACH debits). */
const US_ONLY: readonly CapabilityName[] = ["treasury", "us_bank_account_ach_payments"];

function controllerFrom(p: Json): Stripe.Account.Controller {
  const type = p.type as string | undefined;
  const c = p.controller as Json | undefined;
  if (type && c)
    throw invalidRequest(
      "You cannot specify both `type` and `controller`. Use `controller` to configure the account.",
      { param: "controller" },
    );
  if (type === "custom")
    return {
      fees: { payer: "application" },
      is_controller: true,
      losses: { payments: "application" },
      requirement_collection: "application",
      stripe_dashboard: { type: "none" },
      type: "application",
    };
  if (type === "express")
    return {
      fees: { payer: "application_express" },
      is_controller: true,
      losses: { payments: "application" },
      requirement_collection: "stripe",
      stripe_dashboard: { type: "express" },
      type: "application",
    };
  if (!c)
    return {
      fees: { payer: "account" },
      is_controller: true,
      losses: { payments: "stripe" },
      requirement_collection: "stripe",
      stripe_dashboard: { type: "full" },
      type: "application",
    };
  const collection = ((c.requirement_collection as string | undefined) ?? "stripe") as "application" | "stripe";
  const dashboard =
    ((c.stripe_dashboard as Json | undefined)?.type as string | undefined) ??
    (collection === "application" ? "none" : "full");
  const payer =
    ((c.fees as Json | undefined)?.payer as string | undefined) ?? (dashboard === "full" ? "account" : "application");
  const losses =
    ((c.losses as Json | undefined)?.payments as string | undefined) ??
    (dashboard === "full" ? "stripe" : "application");
  if (collection === "application" && dashboard !== "none") {
    throw invalidRequest(
      "When `controller[requirement_collection]` is `application`, `controller[stripe_dashboard][type]` must be `none`.",
      { param: "controller[stripe_dashboard][type]" },
    );
  }
  if (collection === "application" && losses !== "application") {
    throw invalidRequest(
      "When `controller[requirement_collection]` is `application`, `controller[losses][payments]` must be `application`.",
      { param: "controller[losses][payments]" },
    );
  }
  if (losses === "application" && payer === "account" && dashboard !== "express") {
    throw invalidRequest(
      "When `controller[losses][payments]` is `application`, `controller[fees][payer]` must be `application`.",
      { param: "controller[fees][payer]" },
    );
  }
  return {
    fees: { payer: payer as Stripe.Account.Controller.Fees.Payer },
    is_controller: true,
    losses: { payments: losses as Stripe.Account.Controller.Losses.Payments },
    requirement_collection: collection,
    stripe_dashboard: { type: dashboard as Stripe.Account.Controller.StripeDashboard.Type },
    type: "application",
  };
}

function legacyType(c: Stripe.Account.Controller): Stripe.Account.Type {
  const dash = c.stripe_dashboard?.type;
  if (dash === "full") return "standard";
  if (dash === "express") return "express";
  return c.requirement_collection === "application" ? "custom" : "none";
}

const nullAddress = () => ({ city: null, country: null, line1: null, line2: null, postal_code: null, state: null });

/** A fresh account in Stripe's full shape; fields are then filled by `applyParams`. */
export function newAccount(ctx: Ctx, id: string, p: Json): Stripe.Account {
  const controller = controllerFrom(p);
  const country = String(p.country ?? "US").toUpperCase();
  const account = {
    id,
    object: "account",
    business_profile: {
      annual_revenue: null,
      estimated_worker_count: null,
      mcc: null,
      minority_owned_business_designation: null,
      name: null,
      product_description: null,
      specified_commercial_transactions_act_url: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type: null,
    capabilities: {},
    charges_enabled: false,
    controller,
    country,
    created: ctx.now,
    default_currency: currencyFor(country),
    details_submitted: false,
    email: null,
    external_accounts: { object: "list", data: [], has_more: false, url: `/v1/accounts/${id}/external_accounts` },
    future_requirements: emptyRequirements(),
    metadata: {},
    payouts_enabled: false,
    requirements: requirementsHash([]),
    settings: {
      bacs_debit_payments: { display_name: null, service_user_number: null },
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      card_issuing: { tos_acceptance: { date: null, ip: null } },
      card_payments: {
        decline_on: { avs_failure: true, cvc_failure: false },
        statement_descriptor_prefix: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      dashboard: { display_name: null, timezone: "Etc/UTC" },
      invoices: { default_account_tax_ids: null, hosted_payment_method_save: "offer" },
      payments: {
        statement_descriptor: null,
        statement_descriptor_kana: null,
        statement_descriptor_kanji: null,
        statement_descriptor_prefix_kana: null,
        statement_descriptor_prefix_kanji: null,
      },
      payouts: {
        debit_negative_balances: true,
        schedule: { delay_days: 2, interval: "daily" },
        statement_descriptor: null,
      },
      sepa_debit_payments: {},
      treasury: { tos_acceptance: { date: null, ip: null } },
    },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type: legacyType(controller),
  };
  return account as unknown as Stripe.Account;
}

function person(ctx: Ctx, account: Stripe.Account, current: Json | null | undefined): Json {
  if (current) return current;
  return {
    id: ctx.id("person"),
    object: "person",
    account: account.id,
    address: nullAddress(),
    created: ctx.now,
    dob: { day: null, month: null, year: null },
    email: null,
    first_name: null,
    id_number_provided: false,
    last_name: null,
    metadata: {},
    phone: null,
    relationship: {
      authorizer: false,
      director: false,
      executive: false,
      legal_guardian: false,
      owner: false,
      percent_ownership: null,
      representative: true,
      title: null,
    },
    ssn_last_4_provided: false,
    verification: {
      additional_document: null,
      details: null,
      details_code: null,
      document: { back: null, details: null, details_code: null, front: null },
      status: "unverified",
    },
  };
}

const TEST_ROUTING: Record<string, string> = { US: "110000000", GB: "108800" };

/**
 * A bank account's numbers as its country writes them: US a 9-digit routing number and 4–17 digits,
 * UK a 6-digit sort code and 8 digits (or a GB IBAN alone), euro area an IBAN of that country and no
 * routing number (docs.stripe.com/connect/testing § bank numbers: 108800 / 00012345, DE89370400440532013000).
 */
function checkBankNumbers(country: string, routing: unknown, number: string): void {
  const bad = (param: string, value: unknown, why: string) =>
    invalidRequest(`Invalid external_account[${param}]: ${String(value)} (${why}).`, {
      param: `external_account[${param}]`,
      code: "parameter_invalid_string",
    });
  const iban = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(number);
  if (iban && number.slice(0, 2) !== country)
    throw bad("account_number", number, `an IBAN of ${country} starts ${country}`);
  if (country === "US") {
    if (!/^\d{9}$/.test(String(routing ?? ""))) throw bad("routing_number", routing, "US: 9 digits");
    if (iban) throw bad("account_number", number, "US: 4 to 17 digits");
  } else if (country === "GB") {
    if (iban) return;
    if (!/^\d{6}$/.test(String(routing ?? ""))) throw bad("routing_number", routing, "GB: the 6-digit sort code");
    if (!/^\d{8}$/.test(number)) throw bad("account_number", number, "GB: 8 digits, or an IBAN");
  } else if (currencyFor(country) === "eur") {
    if (!iban) throw bad("account_number", number, `${country}: an IBAN`);
    if (routing !== undefined && routing !== null)
      throw bad("routing_number", routing, `${country}: none, the IBAN says it`);
  }
}

function bankAccount(ctx: Ctx, account: Stripe.Account, input: string | Json): Json {
  const fromToken = typeof input === "string";
  if (!fromToken)
    checkBankNumbers(String(input.country ?? account.country), input.routing_number, String(input.account_number));
  const number = fromToken ? (account.country === "GB" ? "00012345" : "000123456789") : String(input.account_number);
  return {
    id: ctx.id("ba"),
    object: "bank_account",
    account: account.id,
    account_holder_name: fromToken ? null : (input.account_holder_name ?? null),
    account_holder_type: fromToken ? null : (input.account_holder_type ?? null),
    account_type: null,
    available_payout_methods: ["standard", "instant"],
    bank_name: "STRIPE TEST BANK",
    country: fromToken ? account.country : String(input.country),
    currency: fromToken ? account.default_currency : String(input.currency ?? account.default_currency),
    default_for_currency: true,
    fingerprint: ctx.id("fp", 16).slice(3),
    last4: number.slice(-4),
    metadata: {},
    // A token's bank is Stripe's test bank of the account's country (US routing number, UK sort code, none for an IBAN).
    routing_number: fromToken ? (TEST_ROUTING[account.country ?? "US"] ?? null) : (input.routing_number ?? null),
    status: "new",
  };
}

/** Applies create/update parameters; `null` means the caller sent an empty string (unset). */
export function applyParams(ctx: Ctx, account: Stripe.Account, extra: AccountExtra, p: Json): void {
  const a = account as unknown as Json;
  for (const key of ["email", "business_type", "default_currency"] as const) if (p[key] !== undefined) a[key] = p[key];
  if (p.business_profile !== undefined) a.business_profile = deepMerge(a.business_profile, p.business_profile);
  if (p.settings !== undefined) a.settings = deepMerge(a.settings, p.settings);
  if (p.metadata !== undefined) a.metadata = mergeMetadata(a.metadata as Json, p.metadata);
  if (p.tos_acceptance !== undefined) a.tos_acceptance = deepMerge(a.tos_acceptance, p.tos_acceptance);
  const ind = p.individual as Json | undefined;
  if (ind) {
    const { ssn_last_4, id_number, ...rest } = ind;
    const current = person(ctx, account, a.individual as Json | undefined);
    const next = deepMerge(current, rest) as Json;
    if (typeof ssn_last_4 === "string") {
      extra.ssn_last_4 = ssn_last_4;
      next.ssn_last_4_provided = true;
    }
    if (typeof id_number === "string") {
      extra.id_number = id_number;
      next.id_number_provided = true;
    }
    a.individual = next;
  }
  const company = p.company as Json | undefined;
  if (company) {
    const { tax_id, ...rest } = company;
    const base = (a.company as Json | undefined) ?? {
      address: nullAddress(),
      directors_provided: false,
      executives_provided: false,
      name: null,
      owners_provided: false,
      phone: null,
      tax_id_provided: false,
      verification: { document: { back: null, details: null, details_code: null, front: null } },
    };
    const next = deepMerge(base, rest) as Json;
    if (typeof tax_id === "string") {
      extra.tax_id = tax_id;
      next.tax_id_provided = true;
    }
    a.company = next;
  }
  if (p.external_account !== undefined) {
    const list = a.external_accounts as { data: Json[] };
    list.data = p.external_account === null ? [] : [bankAccount(ctx, account, p.external_account as string | Json)];
  }
  const caps = p.capabilities as Partial<Record<CapabilityName, { requested?: boolean }>> | undefined;
  // The SDK takes every capability Stripe has; the sandbox models these only, and says so rather than pretend.
  const unmodelled = Object.keys(caps ?? {}).find((name) => !(CAPABILITIES as readonly string[]).includes(name));
  if (unmodelled)
    throw invalidRequest(
      `The sandbox does not model the ${unmodelled} capability; it supports ${CAPABILITIES.join(", ")}.`,
      { param: `capabilities[${unmodelled}]` },
    );
  for (const name of CAPABILITIES) {
    const wanted = caps?.[name]?.requested;
    // Treasury and ACH debits are US-only; outside the US Issuing draws on the Issuing balance instead.
    // [guess: Stripe's wording; modelled on its "You cannot request the `transfers` capability … for accounts in US."]
    if (wanted === true && US_ONLY.includes(name) && account.country !== "US")
      throw invalidRequest(
        `You cannot request the \`${name}\` capability for accounts in ${account.country}: it is only available to accounts in US.`,
        { param: `capabilities[${name}]` },
      );
    if (wanted === true && extra.requested[name] === undefined) extra.requested[name] = ctx.now;
    if (wanted === false) {
      delete extra.requested[name];
      delete extra.verified[name];
    }
  }
}

export function requestedCapabilities(extra: AccountExtra): CapabilityName[] {
  return CAPABILITIES.filter((c) => extra.requested[c] !== undefined);
}

export function capabilityStatus(
  account: Stripe.Account,
  extra: AccountExtra,
  name: CapabilityName,
): "active" | "inactive" | "pending" | "unrequested" {
  if (extra.requested[name] === undefined) return "unrequested";
  if (dueFor(account, name).length > 0 || extra.kyc === "reject") return "inactive";
  return extra.verified[name] ? "active" : "pending";
}

/** Recomputes everything derived: capability statuses, requirements, enabled flags. */
export function recompute(account: Stripe.Account, extra: AccountExtra): void {
  const requested = requestedCapabilities(extra);
  const caps: Record<string, string> = {};
  for (const c of requested) caps[c] = capabilityStatus(account, extra, c);
  const due = dueForAccount(account, requested);
  const pending = requested.some((c) => caps[c] === "pending");
  const reason =
    extra.kyc === "reject"
      ? "rejected.other"
      : due.length
        ? "requirements.past_due"
        : pending
          ? "requirements.pending_verification"
          : null;
  const verifying =
    account.business_type === "individual"
      ? ["individual.dob.day", "individual.dob.month", "individual.dob.year"]
      : ["company.tax_id"];
  const a = account as unknown as Json;
  a.capabilities = caps;
  a.requirements = requirementsHash(due, { disabled_reason: reason, pending: pending && !due.length ? verifying : [] });
  a.details_submitted = requested.length > 0 && due.length === 0;
  a.charges_enabled = caps.card_payments === "active";
  a.payouts_enabled =
    (caps.transfers === "active" || caps.card_payments === "active") &&
    (account.external_accounts?.data.length ?? 0) > 0;
  const person = a.individual as Json | undefined;
  if (person)
    person.verification = {
      ...(person.verification as Json),
      status:
        requested.length && requested.every((c) => caps[c] === "active")
          ? "verified"
          : pending
            ? "pending"
            : "unverified",
    };
}

/** The v1 Capability object for one capability of an account. */
export function capabilityObject(
  account: Stripe.Account,
  extra: AccountExtra,
  name: CapabilityName,
): Stripe.Capability {
  const status = capabilityStatus(account, extra, name);
  const due = status === "unrequested" ? [] : dueFor(account, name);
  return {
    id: name,
    object: "capability",
    account: account.id,
    future_requirements: emptyRequirements(),
    requested: extra.requested[name] !== undefined,
    requested_at: extra.requested[name] ?? null,
    // A capability's reasons are its own list, not the account's: fields needed, or Stripe reviewing them.
    requirements: requirementsHash(due, {
      disabled_reason: due.length
        ? "requirements.fields_needed"
        : extra.kyc === "reject"
          ? "rejected.other"
          : status === "pending"
            ? "pending.review"
            : null,
    }),
    status,
  } as Stripe.Capability;
}
