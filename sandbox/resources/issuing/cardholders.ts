import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest } from "../../wire/errors";
import {listV1} from "../../wire/list";

import { emitEvent } from "../../events/bus";
import { previousAttributes } from "../../events/diff";
import { deepMerge, fullAddress, mergeMetadata, newestFirst } from "../common";
import { loadCardholder, requireIssuing, TABLES, type Json } from "./common";
import {applyControls, emptyControls} from "./spending-controls";

/**
 * Issuing cardholders. `requirements` is computed from what is missing, so a cardholder who
 * cannot spend says why: individuals need first and last name and the card-issuing user terms
 * acceptance, companies a tax id [guess: Stripe's exact list depends on country and program].
 */
type Cardholder = Stripe.Issuing.Cardholder;
export function requirementsOf(c: Cardholder, extra: Json): Cardholder["requirements"] {
  const due: string[] = [];
  if (c.type === "individual") {
    if (!c.individual?.first_name) due.push("individual.first_name");
    if (!c.individual?.last_name) due.push("individual.last_name");
    const terms = c.individual?.card_issuing?.user_terms_acceptance;
    if (!terms?.date) due.push("individual.card_issuing.user_terms_acceptance.date");
    if (!terms?.ip) due.push("individual.card_issuing.user_terms_acceptance.ip");
  } else if (!extra.tax_id) due.push("company.tax_id");
  return { disabled_reason: due.length ? "requirements.past_due" : null, past_due: due as Stripe.Issuing.Cardholder.Requirements.PastDue[] };
}

function validName(name: string): void {
  if (name.length > 24 || /[0-9<>{}[\]!@#$%^&*_=+|\\/?~`":;]/.test(name)) throw invalidRequest("Invalid name: a cardholder name must be at most 24 characters and contain no numbers or special characters.", { param: "name" });
}

function applyIndividual(current: Cardholder["individual"], patch: unknown): Cardholder["individual"] {
  const base = current ?? ({ card_issuing: null, dob: null, first_name: null, last_name: null, verification: null } as unknown as NonNullable<Cardholder["individual"]>);
  const next = deepMerge(base, patch) as NonNullable<Cardholder["individual"]>;
  // Stripe answers the acceptance with all three fields (`user_agent` null unless given).
  const terms = next.card_issuing?.user_terms_acceptance;
  if (next.card_issuing) next.card_issuing = { user_terms_acceptance: terms ? { date: terms.date ?? null, ip: terms.ip ?? null, user_agent: terms.user_agent ?? null } : null };
  return next;
}

const billingOf = (b: unknown): Stripe.Issuing.Cardholder.Billing => ({ address: fullAddress((b as { address?: unknown } | undefined)?.address) });

function save(ctx: Ctx, before: Cardholder | null, next: Cardholder, extra: Json): Cardholder {
  next.requirements = requirementsOf(next, extra);
  ctx.tx.put(TABLES.cardholders, next.id, { owner: ctx.account, data: next, extra });
  const obj = next as unknown as Json;
  if (!before) emitEvent(ctx, "issuing_cardholder.created", obj);
  else {
    const prev = previousAttributes(before as unknown as Json, obj);
    if (prev) emitEvent(ctx, "issuing_cardholder.updated", obj, { previous_attributes: prev });
  }
  return next;
}

function create(ctx: Ctx): Cardholder {
  requireIssuing(ctx);
  const p = ctx.params;
  validName(String(p.name));
  const type = (p.type as Stripe.Issuing.Cardholder.Type | undefined) ?? "individual";
  const taxId = (p.company as Json | undefined)?.tax_id;
  const c: Cardholder = {
    id: ctx.id("ich"), object: "issuing.cardholder", billing: billingOf(p.billing), company: type === "company" ? { tax_id_provided: !!taxId } : null, created: ctx.now,
    email: (p.email as string | undefined) ?? null, individual: p.individual ? applyIndividual(null, p.individual) : null, livemode: false, metadata: mergeMetadata({}, p.metadata),
    name: String(p.name), phone_number: (p.phone_number as string | undefined) ?? null, preferred_locales: (p.preferred_locales as Cardholder["preferred_locales"]) ?? null,
    requirements: { disabled_reason: null, past_due: [] }, spending_controls: applyControls(emptyControls(true), p.spending_controls, true, null) as unknown as Cardholder["spending_controls"],
    status: (p.status as Stripe.Issuing.Cardholder.Status | undefined) ?? "active", type,
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
  if (p.individual) next.individual = applyIndividual(next.individual, p.individual);
  if (p.company) {
    extra.tax_id = (p.company as Json).tax_id ?? extra.tax_id ?? null;
    next.company = { tax_id_provided: !!extra.tax_id };
  }
  if (p.metadata !== undefined) next.metadata = mergeMetadata(next.metadata, p.metadata);
  if (p.preferred_locales) next.preferred_locales = p.preferred_locales as Cardholder["preferred_locales"];
  if (p.spending_controls) next.spending_controls = applyControls(next.spending_controls as never, p.spending_controls, true, null) as unknown as Cardholder["spending_controls"];
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
        const keep = (c: Cardholder) => (!p.email || c.email === p.email) && (!p.phone_number || c.phone_number === p.phone_number) && (!p.status || c.status === p.status) && (!p.type || c.type === p.type);
        return listV1(newestFirst<Cardholder>(ctx, TABLES.cardholders, (r) => keep(r.data)), p, base, "issuing.cardholder");
      },
    },
  );
  kernel.expanders.set("ich", (id, ctx) => {
    const row = ctx.tx.get(TABLES.cardholders, id);
    return row && row.owner === ctx.account ? row.data : null;
  });
}
