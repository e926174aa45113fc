import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest } from "../../wire/errors";
import { listV1 } from "../../wire/list";

import { deepMerge, fullAddress, mergeMetadata, newestFirst } from "../common";
import { emitSaved, issuesThroughLead, loadCardholder, requireIssuing, TABLES, type Json } from "./common";
import { applyControls, emptyControls } from "./spending-controls";

/**
 * Issuing cardholders. `requirements` is computed from what is missing, so a cardholder who
 * cannot spend says why: individuals need first and last name and the authorized user terms
 * acceptance of their account's program, companies a tax id [guess: Stripe's exact list depends on
 * country and program]. The terms are Celtic's (`individual.card_issuing.user_terms_acceptance`,
 * the SDK's doc comment) for v1 `card_issuing` accounts, and Lead Bank's
 * (`individual.user_terms_acceptance.lead`, the stablecoin guide § Create a cardholder) for
 * accounts that issue through `card_creator`; each program's acceptance is the only one that counts.
 */
type Cardholder = Stripe.Issuing.Cardholder;
type LeadTerms = { lead?: { date?: number | null; ip?: string | null } | null } | null;
const leadTerms = (c: Cardholder) =>
  (c.individual as { user_terms_acceptance?: LeadTerms } | null)?.user_terms_acceptance?.lead;

export function requirementsOf(c: Cardholder, extra: Json, lead: boolean): Cardholder["requirements"] {
  const due: string[] = [];
  if (c.type === "individual") {
    if (!c.individual?.first_name) due.push("individual.first_name");
    if (!c.individual?.last_name) due.push("individual.last_name");
    if (lead) {
      const terms = leadTerms(c);
      if (!terms?.date) due.push("individual.user_terms_acceptance.lead.date");
      if (!terms?.ip) due.push("individual.user_terms_acceptance.lead.ip");
    } else {
      const terms = c.individual?.card_issuing?.user_terms_acceptance;
      if (!terms?.date) due.push("individual.card_issuing.user_terms_acceptance.date");
      if (!terms?.ip) due.push("individual.card_issuing.user_terms_acceptance.ip");
    }
  } else if (!extra.tax_id) due.push("company.tax_id");
  return {
    disabled_reason: due.length ? "requirements.past_due" : null,
    past_due: due as Stripe.Issuing.Cardholder.Requirements.PastDue[],
  };
}

/** Lead's terms belong to Lead-program cardholders only [stricter: Stripe does not say what it does with them elsewhere]. */
function checkTerms(ctx: Ctx, individual: unknown): void {
  const terms = (individual as { user_terms_acceptance?: unknown } | undefined)?.user_terms_acceptance;
  if (terms !== undefined && !issuesThroughLead(ctx, ctx.account)) {
    throw invalidRequest(
      "`individual[user_terms_acceptance][lead]` is Lead Bank's authorized user terms, for cardholders of accounts that issue through the card_creator configuration. This account issues through card_issuing: send `individual[card_issuing][user_terms_acceptance]` instead.",
      { param: "individual[user_terms_acceptance][lead]" },
    );
  }
}

function validName(name: string): void {
  if (name.length > 24 || /[0-9<>{}[\]!@#$%^&*_=+|\\/?~`":;]/.test(name))
    throw invalidRequest(
      "Invalid name: a cardholder name must be at most 24 characters and contain no numbers or special characters.",
      { param: "name" },
    );
}

function applyIndividual(current: Cardholder["individual"], patch: unknown, lead: boolean): Cardholder["individual"] {
  const base =
    current ??
    ({
      card_issuing: null,
      dob: null,
      first_name: null,
      last_name: null,
      ...(lead ? { user_terms_acceptance: null } : {}),
      verification: null,
    } as unknown as NonNullable<Cardholder["individual"]>);
  const next = deepMerge(base, patch) as NonNullable<Cardholder["individual"]> & {
    user_terms_acceptance?: { lead?: { date?: number | null; ip?: string | null } | null } | null;
  };
  // Stripe answers an acceptance with every field (null unless given).
  const terms = next.card_issuing?.user_terms_acceptance;
  if (next.card_issuing)
    next.card_issuing = {
      user_terms_acceptance: terms
        ? { date: terms.date ?? null, ip: terms.ip ?? null, user_agent: terms.user_agent ?? null }
        : null,
    };
  const leadTerms = next.user_terms_acceptance?.lead;
  if (next.user_terms_acceptance)
    next.user_terms_acceptance = {
      lead: leadTerms ? { date: leadTerms.date ?? null, ip: leadTerms.ip ?? null } : null,
    };
  return next;
}

const billingOf = (b: unknown): Stripe.Issuing.Cardholder.Billing => ({
  address: fullAddress((b as { address?: unknown } | undefined)?.address),
});

function save(ctx: Ctx, before: Cardholder | null, next: Cardholder, extra: Json): Cardholder {
  next.requirements = requirementsOf(next, extra, issuesThroughLead(ctx, ctx.account));
  ctx.tx.put(TABLES.cardholders, next.id, { owner: ctx.account, data: next, extra });
  emitSaved(ctx, "issuing_cardholder", before, next);
  return next;
}

function create(ctx: Ctx): Cardholder {
  requireIssuing(ctx);
  const p = ctx.params;
  validName(String(p.name));
  checkTerms(ctx, p.individual);
  const lead = issuesThroughLead(ctx, ctx.account);
  const type = (p.type as Stripe.Issuing.Cardholder.Type | undefined) ?? "individual";
  const taxId = (p.company as Json | undefined)?.tax_id;
  const c: Cardholder = {
    id: ctx.id("ich"),
    object: "issuing.cardholder",
    billing: billingOf(p.billing),
    company: type === "company" ? { tax_id_provided: !!taxId } : null,
    created: ctx.now,
    email: (p.email as string | undefined) ?? null,
    individual: p.individual ? applyIndividual(null, p.individual, lead) : null,
    livemode: false,
    metadata: mergeMetadata({}, p.metadata),
    name: String(p.name),
    phone_number: (p.phone_number as string | undefined) ?? null,
    preferred_locales: (p.preferred_locales as Cardholder["preferred_locales"]) ?? null,
    requirements: { disabled_reason: null, past_due: [] },
    spending_controls: applyControls(
      emptyControls(true),
      p.spending_controls,
      true,
      null,
    ) as unknown as Cardholder["spending_controls"],
    status: (p.status as Stripe.Issuing.Cardholder.Status | undefined) ?? "active",
    type,
  };
  return save(ctx, null, c, { tax_id: taxId ?? null });
}

function update(ctx: Ctx): Cardholder {
  requireIssuing(ctx);
  const row = loadCardholder(ctx, ctx.path.id ?? "");
  const before = row.data;
  const next = structuredClone(before);
  const p = ctx.params;
  const extra = { ...row.extra };
  if (p.billing) next.billing = billingOf(deepMerge(next.billing, p.billing));
  if (p.email !== undefined) next.email = (p.email as string | null) ?? null;
  if (p.phone_number !== undefined) next.phone_number = (p.phone_number as string | null) ?? null;
  if (p.individual) {
    checkTerms(ctx, p.individual);
    next.individual = applyIndividual(next.individual, p.individual, issuesThroughLead(ctx, ctx.account));
  }
  if (p.company) {
    extra.tax_id = (p.company as Json).tax_id ?? extra.tax_id ?? null;
    next.company = { tax_id_provided: !!extra.tax_id };
  }
  if (p.metadata !== undefined) next.metadata = mergeMetadata(next.metadata, p.metadata);
  if (p.preferred_locales) next.preferred_locales = p.preferred_locales as Cardholder["preferred_locales"];
  if (p.spending_controls)
    next.spending_controls = applyControls(
      next.spending_controls as never,
      p.spending_controls,
      true,
      null,
    ) as unknown as Cardholder["spending_controls"];
  if (p.status) next.status = p.status as Stripe.Issuing.Cardholder.Status;
  return save(ctx, before, next, extra);
}

export function registerCardholderRoutes(kernel: Kernel): void {
  const base = "/v1/issuing/cardholders";
  kernel.router.add(
    { method: "POST", path: base, handler: create },
    { method: "POST", path: `${base}/:id`, handler: update },
    { method: "GET", path: `${base}/:id`, handler: (ctx) => loadCardholder(ctx, ctx.path.id ?? "").data },
    {
      method: "GET",
      path: base,
      handler: (ctx) => {
        const p = ctx.params;
        const keep = (c: Cardholder) =>
          (!p.email || c.email === p.email) &&
          (!p.phone_number || c.phone_number === p.phone_number) &&
          (!p.status || c.status === p.status) &&
          (!p.type || c.type === p.type);
        return listV1(
          newestFirst<Cardholder>(ctx, TABLES.cardholders, (r) => keep(r.data)),
          p,
          base,
          "issuing.cardholder",
        );
      },
    },
  );
  kernel.expanders.set("ich", (id, ctx) => {
    const row = ctx.tx.get(TABLES.cardholders, id);
    return row && row.owner === ctx.account ? row.data : null;
  });
}
