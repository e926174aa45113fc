import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import type { Business } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { cardCurrencyFor } from "@/lib/funding-model";
import { applyCard } from "@/lib/events/read-models";
import { callStripeOnce, claimOperation, recordSuccess } from "@/lib/operations";

export const PHYSICAL_CARD_KIND = "physical_card_order";

export const SHIPPING_SERVICES = ["standard", "express", "priority"] as const;
export type ShippingService = (typeof SHIPPING_SERVICES)[number];

/** Stablecoin (MX, AR) cards ship from the US: Stripe's preview requires express or priority. */
export function servicesFor(business: Pick<Business, "fundingModel">): readonly ShippingService[] {
  return business.fundingModel === "stablecoin" ? ["express", "priority"] : SHIPPING_SERVICES;
}

/** What a shipping form offers this business: its speeds, and its country as the default. */
export function shippingChoices(business: Pick<Business, "fundingModel" | "country">) {
  return {
    services: servicesFor(business),
    country: business.country.toUpperCase(),
    shipsFromUs: business.fundingModel === "stablecoin",
  };
}

const text = (label: string, max = 100) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .max(max, { error: `Keep ${label} under ${max} characters` });
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep it under ${max} characters` })
    .optional()
    .transform((v) => v || undefined);

/** Where a physical card ships and how fast: the order form's fields, and a card request's. */
export const shippingFields = {
  name: text("the name on the parcel", 60),
  line1: text("the street address", 200),
  line2: optional(200),
  city: text("the city", 100),
  state: optional(100),
  postalCode: z
    .string({ error: "Enter a postal code" })
    .trim()
    .min(1, { error: "Enter a postal code" })
    .max(20, { error: "Enter a postal code of at most 20 characters" })
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, { error: "Use letters, digits, spaces or dashes" }),
  country: z
    .string({ error: "Choose a country" })
    .trim()
    .regex(/^[A-Za-z]{2}$/, { error: "Choose a country" })
    .transform((c) => c.toUpperCase()),
  service: z.enum(SHIPPING_SERVICES, { error: "Choose a shipping speed" }),
};
export const shippingSchema = z.object(shippingFields);
export type ShippingInput = z.output<typeof shippingSchema>;

export const orderSchema = z.object({
  clientToken: z.string({ error: "Reload the page and try again" }).uuid({ error: "Reload the page and try again" }),
  cardholder: z
    .string({ error: "Choose who carries the card" })
    .regex(/^ich_[A-Za-z0-9_]{1,64}$/, { error: "Choose who carries the card" }),
  design: z
    .string({ error: "Choose a card design" })
    .regex(/^pd_[A-Za-z0-9_]{1,64}$/, { error: "Choose a card design" }),
  ...shippingFields,
});
export type OrderInput = z.output<typeof orderSchema>;
export type Ordered = { id: string; last4: string; status: string; replayed?: boolean };

/** The card's funding source by the business's model (see architecture.md, "Three funding models"). */
export function fundingParams(business: Business): Record<string, string> | null {
  if (business.fundingModel === "issuing_balance") return {};
  if (!business.financialAccountId) return null;
  return business.fundingModel === "stablecoin"
    ? { financial_account_v2: business.financialAccountId }
    : { financial_account: business.financialAccountId };
}

const FIELD_OF: Record<string, string> = {
  "shipping[service]": "service",
  "shipping[address][postal_code]": "postalCode",
  "shipping[address][line1]": "line1",
  "shipping[address][city]": "city",
  "shipping[address][state]": "state",
  "shipping[address][country]": "country",
  "shipping[name]": "name",
  personalization_design: "design",
  cardholder: "cardholder",
};

/** The business's shipping speeds refuse this one (stablecoin cards ship from the US). */
export function serviceProblem(business: Pick<Business, "fundingModel">, service: ShippingService): string | null {
  return servicesFor(business).includes(service)
    ? null
    : "Cards for your business ship from the US: choose express or priority";
}

/**
 * Orders a physical card, created `inactive` (it is activated once delivered). One operation per
 * form submission, its id the idempotency key, so a double click orders one card. Without a
 * design, Stripe prints the platform's default one (an approved card request names none).
 */
export async function orderPhysicalCard(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  userId: string,
  input: Omit<OrderInput, "design"> & { design?: string },
  /** Spending controls set at creation (an approved card request's limit). */
  spendingControls?: Stripe.Issuing.CardCreateParams.SpendingControls,
): Promise<ActionResult<Ordered>> {
  const accountId = business.stripeAccountId;
  const funding = fundingParams(business);
  if (!accountId || !funding)
    return fail("not_found", undefined, "Finish setting up your business before ordering cards");
  const slow = serviceProblem(business, input.service);
  if (slow) return fail("validation_failed", { service: slow });
  const claim = await claimOperation(db, {
    kind: PHYSICAL_CARD_KIND,
    clientToken: input.clientToken,
    businessId: business.id,
    createdBy: userId,
    request: { cardholder: input.cardholder, service: input.service, design: input.design ?? null },
  });
  if (!claim.ok) return claim;
  const { op } = claim.data;
  if (op.status === "succeeded" && op.stripeObjectId)
    return ok({
      id: op.stripeObjectId,
      last4: String(op.result?.last4 ?? ""),
      status: String(op.result?.status ?? "inactive"),
      replayed: true,
    });
  // `financial_account_v2` is the stablecoin guide's parameter; the SDK does not type it.
  const params = {
    cardholder: input.cardholder,
    currency: cardCurrencyFor(business.country),
    type: "physical",
    status: "inactive",
    ...(input.design ? { personalization_design: input.design } : {}),
    ...(spendingControls ? { spending_controls: spendingControls } : {}),
    shipping: {
      name: input.name,
      service: input.service,
      address: {
        line1: input.line1,
        ...(input.line2 ? { line2: input.line2 } : {}),
        city: input.city,
        ...(input.state ? { state: input.state } : {}),
        postal_code: input.postalCode,
        country: input.country,
      },
    },
    ...funding,
  } as Stripe.Issuing.CardCreateParams;
  const sent = await callStripeOnce(
    db,
    op,
    (idempotencyKey) => stripe.issuing.cards.create(params, { stripeAccount: accountId, idempotencyKey }),
    {
      field: "_form",
      fieldFor: (param) => FIELD_OF[param] ?? null,
      refused: "Stripe refused this card order. Check the address and try again",
    },
  );
  if (!sent.ok) return sent.result;
  const card = sent.value;
  // The webhook brings the same card; applied now so the card list shows it at once.
  await applyCard(db, accountId, card, new Date());
  await recordSuccess(db, op, { stripeObjectId: card.id, result: { last4: card.last4, status: card.status } });
  return ok({ id: card.id, last4: card.last4, status: card.status });
}

/** The account's active personalization designs, default first, for the order form. */
export async function activeDesigns(
  stripe: Stripe,
  accountId: string,
): Promise<Array<{ id: string; name: string; isDefault: boolean }>> {
  const list = await stripe.issuing.personalizationDesigns.list(
    { status: "active", limit: 100 },
    { stripeAccount: accountId },
  );
  return list.data
    .map((d) => ({ id: d.id, name: d.name ?? d.lookup_key ?? d.id, isDefault: d.preferences.is_default }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/** The designs as a form's choices, the default one named so. */
export const designOptions = (designs: Awaited<ReturnType<typeof activeDesigns>>) =>
  designs.map((d) => ({ value: d.id, label: d.isDefault ? `${d.name} (default)` : d.name }));
