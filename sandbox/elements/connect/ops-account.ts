import type Stripe from "stripe";
import { ApiError } from "../../wire/errors";
import { dueForAccount } from "../../resources/accounts/requirements";
import type { CapabilityName } from "../../resources/accounts/params";
import { fieldsFor, toAccountParams, validate, type FieldDef } from "../onboarding-form";
import { ok, type Op, type OpCall } from "./operations";
import { allows } from "./session-auth";

/** Components that show the account's requirements and may collect them (Stripe's banner opens onboarding). */
const REQUIREMENT_COMPONENTS = [["account_onboarding"], ["notification_banner"], ["account_management"]] as const;
const BANK_FIELDS = new Set(["routing_number", "account_number"]);

type Options = { fields?: string; only?: string[]; exclude?: string[] };

function options(input: Record<string, unknown>): Options {
  const list = (v: unknown) => (typeof v === "string" ? v.split(",").filter(Boolean) : undefined);
  return {
    fields: typeof input.fields === "string" ? input.fields : undefined,
    only: list(input.only),
    exclude: list(input.exclude),
  };
}

/** What the form asks for: `collectionOptions` picks currently or eventually due, narrowed by only/exclude. */
function dueList(account: Stripe.Account, o: Options): string[] {
  const r = account.requirements;
  let due =
    o.fields === "eventually_due"
      ? [...(r?.eventually_due ?? [])]
      : [...(r?.currently_due ?? []), ...(r?.past_due ?? [])];
  if (due.includes("business_type")) {
    // Without a business type yet, offer both sets of fields, like the hosted page.
    const caps = Object.keys(account.capabilities ?? {}) as CapabilityName[];
    const as = (business_type: string) => dueForAccount({ ...account, business_type } as Stripe.Account, caps);
    due = [...due, ...as("individual"), ...as("company")];
  }
  due = Array.from(new Set(due));
  if (o.only) due = due.filter((d) => o.only?.includes(d));
  if (o.exclude) due = due.filter((d) => !o.exclude?.includes(d));
  return due;
}

function formFields(c: OpCall, account: Stripe.Account, o: Options, businessType: string | null): FieldDef[] {
  const collectBank = REQUIREMENT_COMPONENTS.some(([name]) => allows(c.session, [name, "external_account_collection"]));
  return fieldsFor(dueList(account, o), businessType).filter((f) => collectBank || !BANK_FIELDS.has(f.name));
}

async function loadAccount(c: OpCall): Promise<Stripe.Account> {
  const r = await c.v1({ method: "GET", path: `/v1/accounts/${c.session.account}`, asPlatform: true });
  if (r.status !== 200) throw new ApiError(r.status, r.body.error as { type: string; message: string });
  return r.body as unknown as Stripe.Account;
}

/** The account as the onboarding form and the banner need it: requirements, and the fields to ask for. */
function view(c: OpCall, account: Stripe.Account, o: Options): Record<string, unknown> {
  const country = account.country ?? "US";
  const fields = formFields(c, account, o, account.business_type ?? null).map((f) => ({
    name: f.name,
    label: f.label,
    type: f.type ?? "text",
    options: f.options ?? null,
    autocomplete: f.autocomplete ?? null,
    hint: f.hint ?? null,
    // Stripe's test values are prefilled, as on the sandbox's hosted onboarding page.
    value: f.testValue(country),
  }));
  const r = account.requirements;
  const bank = (account.external_accounts?.data ?? []).map((b) => ({
    id: b.id,
    bank_name: (b as Stripe.BankAccount).bank_name,
    last4: b.last4,
  }));
  return {
    object: "connect_embedded.account",
    id: account.id,
    country,
    business_type: account.business_type ?? null,
    details_submitted: account.details_submitted,
    capabilities: account.capabilities ?? {},
    external_accounts: bank,
    fields,
    requirements: {
      currently_due: r?.currently_due ?? [],
      eventually_due: r?.eventually_due ?? [],
      past_due: r?.past_due ?? [],
      pending_verification: r?.pending_verification ?? [],
      disabled_reason: r?.disabled_reason ?? null,
      current_deadline: r?.current_deadline ?? null,
    },
  };
}

export const accountOps: Op[] = [
  {
    method: "GET",
    path: "/account",
    grants: REQUIREMENT_COMPONENTS,
    run: async (c) => ok(view(c, await loadAccount(c), options(c.input))),
  },
  {
    method: "POST",
    path: "/account/requirements",
    grants: REQUIREMENT_COMPONENTS,
    run: async (c) => {
      const account = await loadAccount(c);
      const o = options(c.input);
      const raw = (c.input.values ?? {}) as Record<string, unknown>;
      const values: Record<string, string> = {};
      for (const [k, v] of Object.entries(raw)) if (typeof v === "string") values[k] = v;
      const chosen = account.business_type ?? (values.business_type === "company" ? "company" : "individual");
      const fields = formFields(c, account, o, chosen);
      const errors = validate(fields, values, account.country ?? "US");
      if (Object.keys(errors).length) {
        return {
          status: 400,
          body: {
            error: {
              type: "invalid_request_error",
              code: "invalid_fields",
              message: "Some fields need attention.",
              fields: errors,
            },
          },
        };
      }
      const kept = Object.fromEntries(Object.entries(values).filter(([k]) => fields.some((f) => f.name === k)));
      const params = toAccountParams(kept, account, c.kernel.clock.now(), c.ip, c.userAgent);
      // The same update the platform would send: validation, requirements, events all as on /v1.
      const r = await c.v1({
        method: "POST",
        path: `/v1/accounts/${account.id}`,
        params,
        asPlatform: true,
        idempotencyKey: c.idempotencyKey,
      });
      if (r.status !== 200) return r;
      return ok(view(c, r.body as unknown as Stripe.Account, o));
    },
  },
];
