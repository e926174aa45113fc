import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import type { Business } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { balanceCurrencyFor } from "@/lib/funding-model";
import { callStripeOnce, claimOperation, recordSuccess } from "@/lib/operations";
import { amountIn } from "./amount";

export const TOPUP_KIND = "issuing_topup";
export const PAYOUT_KIND = "issuing_payout";

export const moveSchema = z.object({
  clientToken: z.string({ error: "Reload the page and try again" }).uuid({ error: "Reload the page and try again" }),
  amount: z.string({ error: "Enter an amount" }).max(30, { error: "Enter an amount like 12.50" }),
});
export type MoveInput = z.output<typeof moveSchema>;
export type Moved = { id: string; status: string; amount: number; currency: string; replayed?: boolean };

// Stripe's Issuing balance guide: `destination_balance=issuing` on a top-up, `source_balance=issuing`
// on a payout. The SDK types neither, so the params are widened here, and only here.
type TopupParams = Stripe.TopupCreateParams & { destination_balance: "issuing" };
type PayoutParams = Stripe.PayoutCreateParams & { source_balance: "issuing" };

/**
 * Moves money into (a top-up from the business's bank) or out of (a payout to it) the business's
 * Issuing balance: one operation per form submission, its id the idempotency key, so a double
 * click or a retry moves the money once. `by` is who asked (a member, or a platform admin funding
 * the business); the business is the caller's, never the form's.
 */
export async function moveIssuingBalance(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  by: { userId: string; kind: typeof TOPUP_KIND | typeof PAYOUT_KIND; description: string },
  input: MoveInput,
): Promise<ActionResult<Moved>> {
  if (business.fundingModel !== "issuing_balance" || !business.stripeAccountId)
    return fail("not_found", undefined, "This business has no Issuing balance yet: it must finish onboarding first");
  const currency = balanceCurrencyFor(business.country);
  const amount = amountIn(input.amount, currency);
  if (!amount.ok) return fail("validation_failed", { amount: amount.message });
  const claim = await claimOperation(db, {
    kind: by.kind,
    clientToken: input.clientToken,
    businessId: business.id,
    createdBy: by.userId,
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
  const options = { stripeAccount: business.stripeAccountId, idempotencyKey: "" };
  const sent = await callStripeOnce(
    db,
    op,
    async (idempotencyKey): Promise<{ id: string; status: string }> => {
      const opts = { ...options, idempotencyKey };
      if (by.kind === TOPUP_KIND) {
        const params: TopupParams = {
          amount: amount.amount,
          currency,
          destination_balance: "issuing",
          description: by.description,
        };
        return stripe.topups.create(params, opts);
      }
      const params: PayoutParams = {
        amount: amount.amount,
        currency,
        source_balance: "issuing",
        description: by.description,
      };
      return stripe.payouts.create(params, opts);
    },
    { field: "amount" },
  );
  if (!sent.ok) return sent.result;
  await recordSuccess(db, op, { stripeObjectId: sent.value.id, result: { status: sent.value.status } });
  return ok({ id: sent.value.id, status: sent.value.status, amount: amount.amount, currency });
}
