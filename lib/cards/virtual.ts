import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { insertCardSchedule } from "@/db/queries/card-schedules";
import type { Business } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { applyCard } from "@/lib/events/read-models";
import { cardCurrencyFor } from "@/lib/funding-model";
import { callStripeOnce, claimOperation, recordSuccess } from "@/lib/operations";
import { lifecycleFields, lifecycleOf, type Lifecycle } from "./lifecycle";
import { fundingParams } from "./physical";

export const VIRTUAL_CARD_KIND = "virtual_card_create";

export const virtualCardSchema = z.object({
  clientToken: z.string({ error: "Reload the page and try again" }).uuid({ error: "Reload the page and try again" }),
  cardholder: z
    .string({ error: "Choose who carries the card" })
    .regex(/^ich_[A-Za-z0-9_]{1,64}$/, { error: "Choose who carries the card" }),
  ...lifecycleFields,
});
export type VirtualCardInput = z.output<typeof virtualCardSchema>;
export type Created = { id: string; last4: string; uses: number | null; endsOn: string | null; replayed?: boolean };

/** Records the card's end date, for the scheduled job to cancel it then (Stripe has no such control). */
export async function scheduleEnd(
  db: DbOrTx,
  business: Business,
  userId: string,
  cardId: string,
  lifecycle: Lifecycle,
): Promise<void> {
  if (lifecycle.cancelAt)
    await insertCardSchedule(db, { cardId, businessId: business.id, cancelAt: lifecycle.cancelAt, createdBy: userId });
}

/**
 * An active virtual card with a life of its own: single-use or n-use (Stripe's lifecycle controls)
 * and an end date (ours). One operation per form submission, its id the idempotency key.
 */
export async function createVirtualCard(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  userId: string,
  input: VirtualCardInput,
  today: Date,
  /** Spending controls set at creation (an approved card request's limit). */
  spendingControls?: Stripe.Issuing.CardCreateParams.SpendingControls,
): Promise<ActionResult<Created>> {
  const accountId = business.stripeAccountId;
  const funding = fundingParams(business);
  if (!accountId || !funding)
    return fail("not_found", undefined, "Finish setting up your business before creating cards");
  const life = lifecycleOf(input, today);
  if (!life.ok) return fail("validation_failed", life.fields);
  const lifecycle = life.value;
  const summary = {
    uses: lifecycle.controls?.cancel_after.payment_count ?? null,
    endsOn: lifecycle.cancelAt ? (input.endsOn ?? null) : null,
  };
  const claim = await claimOperation(db, {
    kind: VIRTUAL_CARD_KIND,
    clientToken: input.clientToken,
    businessId: business.id,
    createdBy: userId,
    request: { cardholder: input.cardholder, ...summary },
  });
  if (!claim.ok) return claim;
  const { op } = claim.data;
  if (op.status === "succeeded" && op.stripeObjectId)
    return ok({ id: op.stripeObjectId, last4: String(op.result?.last4 ?? ""), ...summary, replayed: true });
  // `financial_account_v2` is the stablecoin guide's parameter; the SDK does not type it.
  const params = {
    cardholder: input.cardholder,
    currency: cardCurrencyFor(business.country),
    type: "virtual",
    status: "active",
    ...(lifecycle.controls ? { lifecycle_controls: lifecycle.controls } : {}),
    ...(spendingControls ? { spending_controls: spendingControls } : {}),
    ...funding,
  } as Stripe.Issuing.CardCreateParams;
  const sent = await callStripeOnce(
    db,
    op,
    (idempotencyKey) => stripe.issuing.cards.create(params, { stripeAccount: accountId, idempotencyKey }),
    {
      field: "_form",
      fieldFor: (param) => (param === "cardholder" ? "cardholder" : param.startsWith("lifecycle") ? "useCount" : null),
      refused: "Stripe refused to create this card. Check the cardholder and try again",
    },
  );
  if (!sent.ok) return sent.result;
  const card = sent.value;
  await applyCard(db, accountId, card, new Date());
  await scheduleEnd(db, business, userId, card.id, lifecycle);
  await recordSuccess(db, op, { stripeObjectId: card.id, result: { last4: card.last4 } });
  return ok({ id: card.id, last4: card.last4, ...summary });
}
