import type Stripe from "stripe";
import type { CapabilityName } from "./params";

type Json = Record<string, unknown>;

function at(obj: unknown, path: string): unknown {
  let node = obj;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Json)[part];
  }
  return node;
}

/** Whether the account already holds what a requirement string asks for. */
export function isProvided(account: Stripe.Account, requirement: string): boolean {
  switch (requirement) {
    case "external_account":
      return (account.external_accounts?.data.length ?? 0) > 0;
    case "individual.ssn_last_4":
      return account.individual?.ssn_last_4_provided === true;
    case "individual.id_number":
      return account.individual?.id_number_provided === true;
    case "company.tax_id":
      return account.company?.tax_id_provided === true;
    case "card_issuing.tos_acceptance.date":
    case "card_issuing.tos_acceptance.ip":
    case "treasury.tos_acceptance.date":
    case "treasury.tos_acceptance.ip":
      return at(account.settings, requirement) != null;
    case "business_profile.url":
      return !!account.business_profile?.url || !!account.business_profile?.product_description;
    default: {
      const v = at(account, requirement);
      return v !== undefined && v !== null && v !== "";
    }
  }
}

/** What verifying the account's identity needs (shared by every capability). */
function identityFields(account: Stripe.Account): string[] {
  const us = account.country === "US";
  const out = ["business_profile.mcc", "business_profile.url", "tos_acceptance.date", "tos_acceptance.ip"];
  if (!account.business_type) return ["business_type", ...out];
  if (account.business_type === "individual") {
    out.unshift(
      "individual.first_name",
      "individual.last_name",
      "individual.dob.day",
      "individual.dob.month",
      "individual.dob.year",
      "individual.address.line1",
      "individual.address.city",
      "individual.address.postal_code",
      ...(us ? ["individual.address.state"] : []),
      "individual.email",
      "individual.phone",
      us ? "individual.ssn_last_4" : "individual.id_number",
    );
  } else {
    out.unshift(
      "company.name",
      "company.tax_id",
      "company.address.line1",
      "company.address.city",
      "company.address.postal_code",
      ...(us ? ["company.address.state"] : []),
      "company.phone",
    );
  }
  return out;
}

const CAPABILITY_FIELDS: Record<CapabilityName, string[]> = {
  card_issuing: ["card_issuing.tos_acceptance.date", "card_issuing.tos_acceptance.ip"],
  treasury: ["treasury.tos_acceptance.date", "treasury.tos_acceptance.ip"],
  transfers: ["external_account"],
  card_payments: ["external_account"],
  us_bank_account_ach_payments: [],
};

/** Requirement strings still missing for one capability. */
export function dueFor(account: Stripe.Account, capability: CapabilityName): string[] {
  return [...identityFields(account), ...CAPABILITY_FIELDS[capability]].filter((r) => !isProvided(account, r));
}

/** What the account needs at all, in Stripe's order (identity first), without duplicates. */
export function dueForAccount(account: Stripe.Account, capabilities: CapabilityName[]): string[] {
  const all = new Set<string>();
  if (capabilities.length === 0) for (const r of identityFields(account)) if (!isProvided(account, r)) all.add(r);
  for (const c of capabilities) for (const r of dueFor(account, c)) all.add(r);
  return Array.from(all);
}

export function requirementsHash(
  due: string[],
  opts: { pending?: string[]; disabled_reason?: string | null; errors?: Stripe.Account.Requirements.Error[] } = {},
): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: due,
    disabled_reason: (opts.disabled_reason ?? null) as Stripe.Account.Requirements.DisabledReason | null,
    errors: opts.errors ?? [],
    eventually_due: due,
    past_due: due,
    pending_verification: opts.pending ?? [],
  };
}

export function emptyRequirements(): Stripe.Account.FutureRequirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
  };
}
