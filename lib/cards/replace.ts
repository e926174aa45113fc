import "server-only";
import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import type { Business } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { applyCard } from "@/lib/events/read-models";
import { callStripeOnce, claimOperation, FORM_ALREADY_USED, recordSuccess, refuseOperation } from "@/lib/operations";

export const REPLACE_KIND = "card_replacement";

/** Why a card is replaced: Stripe's `replacement_reason` values a new card may name (CardCreateParams). */
export const REPLACEMENT_REASONS = ["lost", "stolen", "damaged", "expired"] as const;
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number] &
  Stripe.Issuing.CardCreateParams.ReplacementReason;
/** The reasons Stripe also records on the old card as its `cancellation_reason` (CardUpdateParams). */
const CANCELS_AS: Partial<Record<ReplacementReason, Stripe.Issuing.CardUpdateParams.CancellationReason>> = {
  lost: "lost",
  stolen: "stolen",
};

const reload = "Reload the page and try again";
export const replaceSchema = z.object({
  clientToken: z.uuid({ error: reload }),
  card: z.string({ error: "Choose a card" }).regex(/^ic_[A-Za-z0-9_]{1,64}$/, { error: "Choose a card" }),
  reason: z.enum(REPLACEMENT_REASONS, { error: "Choose why the card is replaced" }),
});
export type ReplaceInput = z.output<typeof replaceSchema>;
export type Replaced = {
  oldCardId: string;
  newCardId: string;
  last4: string;
  reason: ReplacementReason;
  replayed?: boolean;
};

/** Who asks: the business (from the session); a cardholder may only replace a card of their own cardholder. */
export type Replacer = { business: Business; userId: string; onlyCardholder?: string | null };

const NOT_FOUND = fail("not_found", undefined, "That card wasn't found.");

/**
 * The card's spending controls, as a new card takes them: lists only when set (Stripe refuses
 * `allowed_*` together with `blocked_*`), and its limits, which Stripe counts across the replacement chain.
 */
export function carriedControls(
  c: Stripe.Issuing.Card.SpendingControls,
): Stripe.Issuing.CardCreateParams.SpendingControls {
  const out: Stripe.Issuing.CardCreateParams.SpendingControls = {};
  const set = <T>(list: T[] | null | undefined) => (list && list.length > 0 ? list : undefined);
  const lists = {
    allowed_categories: set(c.allowed_categories),
    blocked_categories: set(c.blocked_categories),
    allowed_merchant_countries: set(c.allowed_merchant_countries),
    blocked_merchant_countries: set(c.blocked_merchant_countries),
    allowed_card_presences: set(c.allowed_card_presences),
    blocked_card_presences: set(c.blocked_card_presences),
  };
  for (const [key, value] of Object.entries(lists)) if (value) Object.assign(out, { [key]: value });
  const limits = (c.spending_limits ?? []).map((l) => ({
    amount: l.amount,
    interval: l.interval,
    ...(l.categories && l.categories.length > 0 ? { categories: l.categories } : {}),
  }));
  if (limits.length > 0) out.spending_limits = limits;
  return out;
}

/** A physical card's replacement ships where the old one did, by the same service. */
export function carriedShipping(
  s: Stripe.Issuing.Card.Shipping | null,
): Stripe.Issuing.CardCreateParams.Shipping | null {
  if (!s) return null;
  const a = s.address;
  return {
    name: s.name,
    address: {
      line1: a.line1 ?? "",
      city: a.city ?? "",
      postal_code: a.postal_code ?? "",
      country: a.country ?? "",
      ...(a.line2 ? { line2: a.line2 } : {}),
      ...(a.state ? { state: a.state } : {}),
    },
    service: s.service,
    type: s.type,
    ...(s.phone_number ? { phone_number: s.phone_number } : {}),
    ...(s.require_signature != null ? { require_signature: s.require_signature } : {}),
  };
}

/** Why this card can't be replaced for `reason`, or null when it can. */
function refusal(card: Stripe.Issuing.Card, reason: ReplacementReason): string | null {
  if (card.replaced_by) return "This card was already replaced. Use its replacement.";
  if (card.status !== "canceled") return null;
  // Canceled as lost or stolen by a replacement whose new card was never made: finishing it is allowed.
  if (CANCELS_AS[reason] && card.cancellation_reason === CANCELS_AS[reason]) return null;
  return "This card is canceled, so it can't be replaced. Issue a new card instead.";
}

/**
 * Replaces a card (docs.stripe.com/issuing/cards/replacements): lost or stolen, the old card is canceled
 * first with that `cancellation_reason` (Stripe issues a new number); damaged or expired, the new card is
 * made first and the old one canceled once the new one is active (a physical replacement is inactive until
 * it is delivered and activated, which cancels the old one at Stripe). The new card has the same
 * cardholder, type, funding, spending controls and, if physical, shipping, with `replacement_for` and
 * `replacement_reason`. One operation per form: a double click or a retry replaces once.
 */
export async function replaceCard(
  db: DbOrTx,
  stripe: Stripe,
  who: Replacer,
  input: ReplaceInput,
): Promise<ActionResult<Replaced>> {
  const { business } = who;
  const accountId = business.stripeAccountId;
  if (!accountId) return NOT_FOUND;
  const claim = await claimOperation(db, {
    kind: REPLACE_KIND,
    clientToken: input.clientToken,
    businessId: business.id,
    createdBy: who.userId,
    request: { card: input.card, reason: input.reason },
  });
  if (!claim.ok) return claim;
  const { op } = claim.data;
  if (op.request.card !== input.card || op.request.reason !== input.reason) return FORM_ALREADY_USED;
  if (op.status === "succeeded" && op.stripeObjectId)
    return ok({
      oldCardId: input.card,
      newCardId: op.stripeObjectId,
      last4: String(op.result?.last4 ?? ""),
      reason: input.reason,
      replayed: true,
    });

  const o = { stripeAccount: accountId };
  let card: Stripe.Issuing.Card;
  try {
    card = await stripe.issuing.cards.retrieve(input.card, {}, o);
  } catch {
    await refuseOperation(db, op, NOT_FOUND);
    return NOT_FOUND;
  }
  if (who.onlyCardholder !== undefined && card.cardholder.id !== who.onlyCardholder) {
    await refuseOperation(db, op, NOT_FOUND);
    return NOT_FOUND;
  }
  const refused = refusal(card, input.reason);
  if (refused) {
    const failure = fail("validation_failed", { reason: refused });
    await refuseOperation(db, op, failure);
    return failure;
  }
  const key = (step: string) => (base: string) => `${base}-${step}`;

  const cancellation = CANCELS_AS[input.reason];
  if (cancellation && card.status !== "canceled") {
    const canceled = await callStripeOnce(
      db,
      op,
      (k) =>
        stripe.issuing.cards.update(
          card.id,
          { status: "canceled", cancellation_reason: cancellation },
          { ...o, idempotencyKey: key("cancel")(k) },
        ),
      { field: "reason" },
    );
    if (!canceled.ok) return canceled.result;
    await applyCard(db, accountId, canceled.value, new Date());
  }

  // A USDC card names its wallet in the stablecoin guide's `financial_account_v2`, which the SDK doesn't type.
  const funded = card as Stripe.Issuing.Card & {
    financial_account?: string | null;
    financial_account_v2?: string | null;
  };
  const shipping = card.type === "physical" ? carriedShipping(card.shipping) : null;
  const params: Stripe.Issuing.CardCreateParams & { financial_account_v2?: string } = {
    cardholder: card.cardholder.id,
    currency: card.currency,
    type: card.type,
    replacement_for: card.id,
    replacement_reason: input.reason,
    spending_controls: carriedControls(card.spending_controls),
    status: card.type === "virtual" ? "active" : "inactive",
    ...(funded.financial_account ? { financial_account: funded.financial_account } : {}),
    ...(funded.financial_account_v2 ? { financial_account_v2: funded.financial_account_v2 } : {}),
    ...(shipping ? { shipping } : {}),
  };
  const created = await callStripeOnce(
    db,
    op,
    (k) => stripe.issuing.cards.create(params, { ...o, idempotencyKey: key("create")(k) }),
    { field: "reason" },
  );
  if (!created.ok) return created.result;
  const replacement = created.value;
  await applyCard(db, accountId, replacement, new Date());

  if (!cancellation && replacement.status === "active") {
    // The active replacement retires the old card (Stripe does this on activation; asked for here all the same).
    const old = await stripe.issuing.cards.retrieve(card.id, {}, o);
    const retired =
      old.status === "canceled"
        ? { ok: true as const, value: old }
        : await callStripeOnce(
            db,
            op,
            (k) =>
              stripe.issuing.cards.update(card.id, { status: "canceled" }, { ...o, idempotencyKey: key("retire")(k) }),
            { field: "reason" },
          );
    if (!retired.ok) return retired.result;
    await applyCard(db, accountId, retired.value, new Date());
  }
  await recordSuccess(db, op, {
    stripeObjectId: replacement.id,
    result: { oldCardId: card.id, last4: replacement.last4, reason: input.reason },
  });
  return ok({ oldCardId: card.id, newCardId: replacement.id, last4: replacement.last4, reason: input.reason });
}
