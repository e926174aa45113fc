import type Stripe from "stripe";
import type { Kernel } from "../../kernel";
import type { Ctx } from "../../wire/context";
import { invalidRequest, paramError } from "../../wire/errors";
import { listV1 } from "../../wire/list";

import { deepMerge, fullAddress, mergeMetadata, newestFirst } from "../common";
import { loadCard, loadCardholder, requireIssuing, TABLES, type CardExtra } from "./common";
import { applyControls, emptyControls } from "./spending-controls";
import { cardNumber, digits, renderCard, saveCard } from "./card-model";
import { resolveFunding } from "./funding";
import { registerShippingRoutes } from "./shipping";
import { designForCard, registerPersonalizationRoutes } from "./personalization-designs";

/** Issuing cards: create (virtual/physical, funding source, default limits), retrieve, update, list. */
type Card = Stripe.Issuing.Card;
/** Number and CVC are computed on request: only `expand[]` on retrieve (or an ephemeral key's read) shows them, and only for virtual cards. */
const retrieving = new WeakSet<Ctx>();

function shipping(p: Record<string, unknown>): Stripe.Issuing.Card.Shipping {
  const a = p.address as Record<string, unknown>;
  const address = fullAddress(a);
  return {
    address,
    address_validation: {
      mode: ((p.address_validation as Record<string, unknown> | undefined)?.mode ??
        "normalization_only") as Stripe.Issuing.Card.Shipping.AddressValidation.Mode,
      normalized_address: address,
      result: "likely_deliverable",
    },
    business_name: (p.business_name as string | undefined) ?? null,
    carrier: null,
    customs: {
      eori_number: ((p.customs as Record<string, unknown> | undefined)?.eori_number as string | undefined) ?? null,
    },
    eta: null,
    name: String(p.name),
    phone_number: (p.phone_number as string | undefined) ?? null,
    require_signature: (p.require_signature as boolean | undefined) ?? null,
    service: (p.service as Stripe.Issuing.Card.Shipping.Service | undefined) ?? "standard",
    status: "pending",
    tracking_number: null,
    tracking_url: null,
    type: (p.type as Stripe.Issuing.Card.Shipping.Type | undefined) ?? "individual",
  } as Stripe.Issuing.Card.Shipping;
}

/** `cancel_after.payment_count`: the card cancels itself after that many non-zero payments. */
function lifecycle(p: unknown): Stripe.Issuing.Card.LifecycleControls | null {
  if (p === undefined || p === null || p === "") return null;
  const count = (p as { cancel_after?: { payment_count?: number } }).cancel_after?.payment_count;
  // [guess] Stripe's limits on the count are undocumented; at least one payment is the least a card can make.
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1)
    throw invalidRequest("lifecycle_controls[cancel_after][payment_count] must be a whole number of at least 1.", {
      param: "lifecycle_controls[cancel_after][payment_count]",
    });
  return { cancel_after: { payment_count: count } };
}

function canActivate(ctx: Ctx, holderId: string): void {
  const holder = loadCardholder(ctx, holderId, "cardholder").data;
  if (holder.requirements.disabled_reason) {
    throw invalidRequest(
      `This card cannot be activated: its cardholder ${holderId} has outstanding requirements (${(holder.requirements.past_due ?? []).join(", ")}). Update the cardholder first.`,
      { param: "status" },
    );
  }
}

function create(ctx: Ctx): Card {
  requireIssuing(ctx);
  const p = ctx.params;
  const currency = String(p.currency).toLowerCase();
  const holder = loadCardholder(ctx, String(p.cardholder), "cardholder").data;
  const type = p.type as Stripe.Issuing.Card.Type;
  if (type === "physical" && !p.shipping)
    throw paramError(
      "parameter_missing",
      "shipping",
      "Missing required param: shipping. Physical cards need a shipping address.",
    );
  if (type === "virtual" && p.shipping)
    throw invalidRequest("Virtual cards cannot have a shipping address.", { param: "shipping" });
  const funding = resolveFunding(
    ctx,
    { v1: p.financial_account as string | undefined, v2: p.financial_account_v2 as string | undefined },
    currency,
  );
  // The stablecoin guide: "This preview requires express or priority shipping as cards ship from the US."
  const service = (p.shipping as Record<string, unknown> | undefined)?.service ?? "standard";
  if (type === "physical" && funding.kind === "financial_account_v2" && service === "standard")
    throw invalidRequest(
      "Physical cards on a v2 financial account ship from the US: choose express or priority shipping.",
      { param: "shipping[service]" },
    );
  const design = designForCard(ctx, type, p.personalization_design as string | undefined);
  const status = (p.status as Stripe.Issuing.Card.Status | undefined) ?? "inactive";
  if (status === "active") canActivate(ctx, holder.id);
  let controls = applyControls(emptyControls(false), p.spending_controls, false, currency);
  const setsLimits = (p.spending_controls as Record<string, unknown> | undefined)?.spending_limits !== undefined;
  const defaultDaily = ctx.kernel.config.issuingDefaultDailyLimit;
  // Stripe gives new cards a default daily limit unless the caller sets limits; USDC cards have a fixed per-authorization ceiling instead.
  if (!setsLimits && defaultDaily > 0 && funding.kind !== "financial_account_v2")
    controls = {
      ...controls,
      spending_limits: [{ amount: defaultDaily, categories: [], interval: "daily" }],
      spending_limits_currency: currency,
    };
  const now = new Date(ctx.nowMs);
  const number = cardNumber(ctx);
  const card = {
    id: ctx.id("ic"),
    object: "issuing.card",
    brand: "Visa",
    cancellation_reason: null,
    cardholder: holder.id,
    created: ctx.now,
    currency,
    exp_month: (p.exp_month as number | undefined) ?? now.getUTCMonth() + 1,
    exp_year: (p.exp_year as number | undefined) ?? now.getUTCFullYear() + 3,
    financial_account: (p.financial_account as string | undefined) ?? null,
    financial_account_v2: (p.financial_account_v2 as string | undefined) ?? null,
    last4: number.slice(-4),
    latest_fraud_warning: null,
    lifecycle_controls: lifecycle(p.lifecycle_controls),
    livemode: false,
    metadata: mergeMetadata({}, p.metadata),
    personalization_design: design,
    replaced_by: null,
    replacement_for: (p.replacement_for as string | undefined) ?? null,
    replacement_reason: (p.replacement_reason as Stripe.Issuing.Card.ReplacementReason | undefined) ?? null,
    second_line: (p.second_line as string | undefined) ?? null,
    shipping: p.shipping ? shipping(p.shipping as Record<string, unknown>) : null,
    spending_controls: controls,
    status,
    type,
    wallets: {
      apple_pay: { eligible: false, ineligible_reason: "missing_cardholder_contact" },
      google_pay: { eligible: false, ineligible_reason: "missing_cardholder_contact" },
      primary_account_identifier: null,
    },
  } as unknown as Card;
  const extra: CardExtra = { number, cvc: digits(ctx, 3), pin: digits(ctx, 4), funding };
  return saveCard(ctx, null, card, extra);
}

function update(ctx: Ctx): Card {
  requireIssuing(ctx);
  const row = loadCard(ctx, ctx.path.id ?? "");
  const p = ctx.params;
  const next = structuredClone(row.data);
  if (
    row.data.status === "canceled" &&
    (p.status !== undefined || p.spending_controls !== undefined || p.shipping !== undefined)
  ) {
    throw invalidRequest(`The card ${row.data.id} is canceled; a canceled card cannot be changed or reactivated.`, {
      param: "status",
    });
  }
  if (p.cancellation_reason !== undefined && p.status !== "canceled")
    throw invalidRequest("cancellation_reason can only be set when canceling the card (status=canceled).", {
      param: "cancellation_reason",
    });
  if (p.status === "active" && row.data.status !== "active") canActivate(ctx, row.data.cardholder as unknown as string);
  if (p.status) next.status = p.status as Stripe.Issuing.Card.Status;
  if (p.status === "canceled")
    next.cancellation_reason = (p.cancellation_reason as Stripe.Issuing.Card.CancellationReason | undefined) ?? null;
  if (p.spending_controls)
    next.spending_controls = applyControls(next.spending_controls, p.spending_controls, false, next.currency);
  if (p.metadata !== undefined) next.metadata = mergeMetadata(next.metadata, p.metadata);
  if (p.shipping) {
    if (next.type !== "physical" || next.shipping?.status !== "pending")
      throw invalidRequest("Shipping can only be changed on a physical card that has not been submitted yet.", {
        param: "shipping",
      });
    next.shipping = deepMerge(
      next.shipping,
      shipping(p.shipping as Record<string, unknown>),
    ) as Stripe.Issuing.Card.Shipping;
  }
  if (p.personalization_design !== undefined) {
    // [guess] Like the address, the design can change only before the card goes to the printer.
    if (next.type !== "physical" || next.shipping?.status !== "pending")
      throw invalidRequest("The design can only be changed on a physical card that has not been submitted yet.", {
        param: "personalization_design",
      });
    next.personalization_design = designForCard(ctx, "physical", String(p.personalization_design));
  }
  const extra = { ...row.extra };
  if (p.pin) extra.pin = digits(ctx, 4); // the encrypted PIN is opaque here: a new one is simply set
  return saveCard(ctx, row, next, extra);
}

export function registerCardRoutes(kernel: Kernel): void {
  const base = "/v1/issuing/cards";
  kernel.router.add(
    {
      method: "POST",
      path: base,
      handler: create,
    },
    {
      method: "POST",
      path: `${base}/:id`,
      handler: update,
    },
    {
      method: "GET",
      path: `${base}/:id`,
      handler: (ctx) => {
        retrieving.add(ctx);
        return renderCard(ctx, loadCard(ctx, ctx.path.id ?? ""));
      },
    },
    {
      method: "GET",
      path: base,
      handler: (ctx) => {
        const p = ctx.params;
        const keep = (c: Card) =>
          (!p.cardholder || (c.cardholder as unknown as string) === p.cardholder) &&
          (!p.status || c.status === p.status) &&
          (!p.type || c.type === p.type) &&
          (!p.last4 || c.last4 === p.last4);
        return listV1(
          newestFirst<Card>(ctx, TABLES.cards, (r) => keep(r.data)).map((c) => renderCard(ctx, { data: c })),
          p,
          base,
          "issuing.card",
        );
      },
    },
  );
  const secret = (field: "number" | "cvc") => (obj: Record<string, unknown>, ctx: Ctx) => {
    if (!retrieving.has(ctx))
      throw invalidRequest(
        `The card's ${field} can only be expanded when retrieving a single card (GET /v1/issuing/cards/:id).`,
        { param: "expand" },
      );
    const row = ctx.tx.get<Card>(TABLES.cards, String(obj.id)) as { extra: CardExtra; data: Card } | undefined;
    if (!row || row.data.type !== "virtual")
      throw invalidRequest(`The ${field} of a physical card cannot be retrieved; it is printed on the card.`, {
        param: "expand",
      });
    return row.extra[field];
  };
  kernel.fieldExpanders.set("issuing.card.number", secret("number"));
  kernel.fieldExpanders.set("issuing.card.cvc", secret("cvc"));
  kernel.expanders.set("ic", (id, ctx) => {
    const row = ctx.tx.get<Card>(TABLES.cards, id);
    return row && row.owner === ctx.account ? (renderCard(ctx, row) as unknown as Record<string, unknown>) : null;
  });
  registerShippingRoutes(kernel);
  registerPersonalizationRoutes(kernel);
}
