import type Stripe from "stripe";
import type { AccountExtra } from "../accounts/model";
import { dueForAccount } from "../accounts/requirements";
import { CONFIG_CAPABILITIES } from "./params";

type Json = Record<string, unknown>;
/** What only the v2 API knows about an account; everything shared lives in the v1 record. */
export type V2State = {
  dashboard: string | null;
  display_name: string | null;
  defaults: Json;
  /** Requested capability paths per configuration. */
  configuration: Record<string, string[]>;
  attestations: Json;
  closed: boolean;
  verified: boolean;
  /** The `type` of the id number given through v2 (v1 keeps only that one was provided). */
  id_number_types?: { individual?: string; business?: string };
};

/** The account's v2 state; a v1-created account has none yet and gets a fresh, empty one. */
export function v2StateOf(extra: AccountExtra): V2State {
  return (
    (extra.v2 as V2State | undefined) ?? {
      dashboard: null,
      display_name: null,
      defaults: {},
      configuration: {},
      attestations: {},
      closed: false,
      verified: false,
    }
  );
}

/** v2 leaves out what it does not have: the keys of `o` whose value is null or undefined are dropped. */
function defined(o: Json | null | undefined): Json {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== null && v !== undefined));
}

/** v1 `controller` → v2 `defaults.responsibilities` (who collects fees, losses and requirements). */
function responsibilities(account: Stripe.Account, given: Json | undefined): Json {
  const c = account.controller;
  const payer = c?.fees?.payer;
  return {
    fees_collector: payer === "account" || !payer ? "stripe" : payer,
    losses_collector: c?.losses?.payments ?? "stripe",
    requirements_collector: c?.requirement_collection ?? "stripe",
    ...given,
  };
}

const iso = (unix: number | null | undefined) => (unix ? new Date(unix * 1000).toISOString() : null);

/** v1 requirement string → the v2 field that satisfies it. */
function v2Field(r: string): string | null {
  const map: Record<string, string> = {
    business_type: "identity.entity_type",
    "individual.first_name": "identity.individual.given_name",
    "individual.last_name": "identity.individual.surname",
    "individual.email": "identity.individual.email",
    "individual.phone": "identity.individual.phone",
    "individual.ssn_last_4": "identity.individual.id_numbers",
    "individual.id_number": "identity.individual.id_numbers",
    "company.name": "identity.business_details.registered_name",
    "company.tax_id": "identity.business_details.id_numbers",
    "company.phone": "identity.business_details.phone",
    "business_profile.url": "defaults.profile.business_url",
    "tos_acceptance.date": "identity.attestations.terms_of_service.account",
    "tos_acceptance.ip": "identity.attestations.terms_of_service.account",
  };
  if (map[r]) return map[r];
  if (r.startsWith("individual.dob.")) return "identity.individual.date_of_birth";
  if (r.startsWith("individual.address.")) return r.replace("individual.", "identity.individual.");
  if (r.startsWith("company.address.")) return r.replace("company.", "identity.business_details.");
  return null;
}

/** Requirements the v2 configurations wait on (identity and terms; merchant mcc is v1's). */
export function v2Due(account: Stripe.Account): string[] {
  return Array.from(
    new Set(
      dueForAccount(account, [])
        .map(v2Field)
        .filter((x): x is string => x !== null),
    ),
  );
}

export function v2CapabilityStatus(
  account: Stripe.Account,
  extra: AccountExtra,
): { status: string; status_details: Json[] } {
  const v2 = extra.v2 as V2State | undefined;
  if (extra.kyc === "reject")
    return { status: "restricted", status_details: [{ code: "restricted_other", resolution: "contact_stripe" }] };
  if (v2Due(account).length)
    return { status: "restricted", status_details: [{ code: "requirements_past_due", resolution: "provide_info" }] };
  if (!v2?.verified)
    return {
      status: "pending",
      status_details: [{ code: "requirements_pending_verification", resolution: "no_resolution" }],
    };
  return { status: "active", status_details: [] };
}

/** True while identity is complete but verification has not finished (the verifier picks it up). */
export function v2AwaitingVerification(account: Stripe.Account, extra: AccountExtra): boolean {
  const v2 = extra.v2 as V2State | undefined;
  return (
    !!v2 &&
    Object.keys(v2.configuration).length > 0 &&
    !v2.verified &&
    extra.kyc === "approve" &&
    v2Due(account).length === 0
  );
}

function setPath(root: Json, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = root;
  parts.slice(0, -1).forEach((p) => (node = (node[p] ??= {}) as Json));
  node[parts[parts.length - 1] ?? ""] = value;
}

function configurationView(account: Stripe.Account, extra: AccountExtra, name: string): Json {
  const v2 = extra.v2 as V2State;
  const caps: Json = {};
  const status = v2CapabilityStatus(account, extra);
  for (const path of v2.configuration[name] ?? [])
    if (CONFIG_CAPABILITIES[name]?.includes(path)) setPath(caps, path, status);
  // merchant card_payments mirrors the v1 capability of the same account.
  if (name === "merchant" && account.capabilities?.card_payments) {
    const s = account.capabilities.card_payments;
    setPath(caps, "card_payments", {
      status: s === "inactive" ? "restricted" : s,
      status_details: s === "active" ? [] : status.status_details,
    });
  }
  return {
    applied: true,
    capabilities: caps,
    ...(name === "merchant" && account.business_profile?.mcc ? { mcc: account.business_profile.mcc } : {}),
  };
}

/** Renders the `v2.core.account` object; optional parts appear only when named in include[]. */
export function renderV2(account: Stripe.Account, extra: AccountExtra, include: string[] = []): Json {
  const v2 = v2StateOf(extra);
  const applied = Object.keys(v2.configuration);
  const out: Json = {
    id: account.id,
    object: "v2.core.account",
    applied_configurations: applied,
    closed: v2.closed,
    ...defined({ contact_email: account.email, dashboard: v2.dashboard, display_name: v2.display_name }),
    created: iso(account.created),
    livemode: false,
    metadata: account.metadata ?? {},
  };
  const configs = include.filter((i) => i.startsWith("configuration.")).map((i) => i.slice("configuration.".length));
  if (configs.length)
    out.configuration = Object.fromEntries(
      configs.filter((c) => applied.includes(c)).map((c) => [c, configurationView(account, extra, c)]),
    );
  if (include.includes("defaults")) {
    const { responsibilities: given, ...rest } = v2.defaults as { responsibilities?: Json };
    const profile = defined({
      business_url: account.business_profile?.url,
      product_description: account.business_profile?.product_description,
    });
    out.defaults = {
      ...defined({ currency: account.default_currency }),
      locales: [],
      profile,
      responsibilities: responsibilities(account, given),
      ...rest,
    };
  }
  if (include.includes("identity")) {
    const ind = account.individual;
    const co = account.company;
    const types = v2.id_number_types ?? {};
    const tos = account.tos_acceptance?.date
      ? {
          account: defined({
            date: iso(account.tos_acceptance.date),
            ip: account.tos_acceptance.ip,
            user_agent: account.tos_acceptance.user_agent,
          }),
        }
      : {};
    out.identity = {
      ...defined({ country: account.country?.toLowerCase(), entity_type: account.business_type }),
      // The v2 individual is the account's representative Person, with its own id and timestamps.
      ...(ind
        ? {
            individual: {
              id: ind.id,
              object: "v2.core.account_person",
              account: account.id,
              created: iso(ind.created),
              updated: iso(ind.created),
              ...defined({ given_name: ind.first_name, surname: ind.last_name, email: ind.email, phone: ind.phone }),
              address: defined(ind.address as unknown as Json),
              ...(ind.dob?.year ? { date_of_birth: ind.dob } : {}),
              id_numbers:
                ind.id_number_provided || ind.ssn_last_4_provided
                  ? [{ type: types.individual ?? (account.country === "US" ? "us_ssn_last_4" : "mx_rfc") }]
                  : [],
            },
          }
        : {}),
      ...(co
        ? {
            business_details: {
              ...defined({ registered_name: co.name, phone: co.phone }),
              address: defined(co.address as unknown as Json),
              id_numbers: co.tax_id_provided
                ? [{ type: types.business ?? (account.country === "US" ? "us_ein" : "mx_rfc") }]
                : [],
            },
          }
        : {}),
      attestations: { terms_of_service: { ...tos, ...v2.attestations } },
    };
  }
  if (include.includes("requirements")) {
    const due = v2Due(account);
    const impact = applied.flatMap((c) =>
      (v2.configuration[c] ?? []).map((capability) => ({
        capability,
        configuration: c,
        deadline: { status: "currently_due" },
      })),
    );
    out.requirements = {
      entries: due.map((description) => ({
        awaiting_action_from: "user",
        description,
        errors: [],
        impact: { restricts_capabilities: impact },
        minimum_deadline: { status: "currently_due" },
        requested_reasons: [{ code: "routine_onboarding" }],
      })),
      ...(due.length ? { summary: { minimum_deadline: { status: "currently_due" } } } : {}),
    };
  }
  if (include.includes("future_requirements")) out.future_requirements = { entries: [] };
  return out;
}
