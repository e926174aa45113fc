import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import type { Business } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { balanceCurrencyFor } from "@/lib/funding-model";
import { callStripeOnce, claimOperation, recordSuccess } from "@/lib/operations";
import { amountIn } from "./amount";

export const PAYOUT_KIND = "issuing_payout";

export const moveSchema = z.object({
  clientToken: z.string({ error: "Reload the page and try again" }).uuid({ error: "Reload the page and try again" }),
  amount: z.string({ error: "Enter an amount" }).max(30, { error: "Enter an amount like 12.50" }),
});
export type MoveInput = z.output<typeof moveSchema>;
export type Moved = { id: string; status: string; amount: number; currency: string; replayed?: boolean };

// docs.stripe.com/issuing/connect/funding, "Pay out an Issuing balance to an external account":
// `source_balance=issuing` on a payout. The SDK doesn't type it, so the params are widened here, and only here.
type PayoutParams = Stripe.PayoutCreateParams & { source_balance: "issuing" };

/**
 * Pays out of the business's Issuing balance to its bank: one operation per form submission, its
 * id the idempotency key, so a double click or a retry moves the money once. The business is the
 * caller's (from the session), never the form's. Money comes in by bank transfer (push-funding.ts).
 */
export async function payOutIssuingBalance(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  userId: string,
  input: MoveInput,
): Promise<ActionResult<Moved>> {
  if (business.fundingModel !== "issuing_balance" || !business.stripeAccountId)
    return fail("not_found", undefined, "This business has no Issuing balance yet: it must finish onboarding first");
  const currency = balanceCurrencyFor(business.country);
  const amount = amountIn(input.amount, currency);
  if (!amount.ok) return fail("validation_failed", { amount: amount.message });
  const claim = await claimOperation(db, {
    kind: PAYOUT_KIND,
    clientToken: input.clientToken,
    businessId: business.id,
    createdBy: userId,
    amount: amount.amount,
    currency,
    request: { amount: amount.amount },
  });
  if (!claim.ok) return claim;
  const { op } = claim.data;
  if (op.status === "succeeded" && op.stripeObjectId)
    return ok({
      id: op.stripeObjectId,
      status: String(op.result?.status ?? "pending"),
      amount: amount.amount,
      currency,
      replayed: true,
    });
  const params: PayoutParams = {
    amount: amount.amount,
    currency,
    source_balance: "issuing",
    description: "Payout to bank",
  };
  const sent = await callStripeOnce(
    db,
    op,
    (idempotencyKey) => stripe.payouts.create(params, { stripeAccount: business.stripeAccountId!, idempotencyKey }),
    { field: "amount" },
  );
  if (!sent.ok) return sent.result;
  await recordSuccess(db, op, { stripeObjectId: sent.value.id, result: { status: sent.value.status } });
  return ok({ id: sent.value.id, status: sent.value.status, amount: amount.amount, currency });
}
