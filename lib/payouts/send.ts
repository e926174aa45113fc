import "server-only";
import { getBusiness } from "@/db/queries/businesses";
import { findDestination } from "@/db/queries/payout-destinations";
import { PAYOUT_KIND } from "@/db/queries/payouts";
import type { z } from "zod";
import { applyOutboundV2 } from "@/lib/events/read-models-v2";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { callStripeOnce, claimOperation, recordSuccess, refuseOperation } from "@/lib/operations";
import { stripeFailure } from "@/lib/stripe/errors";
import { walletOf } from "@/lib/wallet/account";
import type { PayoutDeps } from "./deps";
import type { sendPayoutSchema } from "./schemas";
import { createOutboundTransfer, fetchUsdcBalance, type TransferRequest } from "./stripe";

type Actor = { userId: string; businessId: string };
export type SentPayout = {
  payoutId: string;
  outboundTransferId: string;
  amount: number;
  currency: "usdc";
  status: string;
  replayed: boolean;
};

/**
 * Sends USDC from the business's wallet to one of its saved destinations, once per form:
 * the form's client token claims an operation row, whose id is the Stripe idempotency key, so
 * a double click, a retried request or a second tab with the same form make one transfer.
 */
export async function sendPayout(
  deps: PayoutDeps,
  actor: Actor,
  input: z.output<typeof sendPayoutSchema>,
): Promise<ActionResult<SentPayout>> {
  const { db, stripe } = deps;
  const business = await getBusiness(db, { businessId: actor.businessId });
  const wallet = walletOf(business);
  if (!wallet) return fail("forbidden", undefined, "Your USDC wallet isn't open yet. Finish verification first");
  const destination = await findDestination(db, { businessId: actor.businessId, id: input.destinationId });
  if (!destination || destination.archived)
    return fail("validation_failed", { destinationId: "Choose one of your saved destinations" });

  const transfer: TransferRequest = {
    financialAccount: wallet.financialAccount,
    payoutMethod: destination.payoutMethodId,
    amount: input.amount,
    currency: "usdc",
    toCurrency: destination.currency,
    description: `Payout to ${destination.label}`,
  };
  const claim = await claimOperation(db, {
    kind: PAYOUT_KIND,
    clientToken: input.clientToken,
    businessId: actor.businessId,
    createdBy: actor.userId,
    amount: input.amount,
    currency: "usdc",
    request: { ...transfer, destinationId: destination.id },
  });
  if (!claim.ok) return claim;
  const { op, fresh } = claim.data;
  if (op.status === "succeeded") return ok(toSent(op.id, op.result ?? {}, true));
  if (fresh) {
    // Refuse before anything is sent, from a balance read now (not a cached one).
    let available: number;
    try {
      available = (await fetchUsdcBalance(stripe, wallet.account, wallet.financialAccount)).available;
    } catch (err) {
      // Nothing was sent yet, so even an unknown outcome leaves nothing to finish: the form can be sent again.
      const failure = stripeFailure(err).result;
      await refuseOperation(db, op, failure);
      return failure;
    }
    if (input.amount > available) {
      const failure = fail("insufficient_funds", { amount: `You have ${formatMoney(available, "usdc")} available` });
      await refuseOperation(db, op, failure);
      return failure;
    }
  }
  // A pending row from an earlier submit is sent as it was first asked: the same key can't make a second transfer.
  const sent = await callStripeOnce(
    db,
    op,
    (key) => createOutboundTransfer(stripe, wallet.account, transferOf(op.request), key),
    { fieldFor: (p) => (p.startsWith("amount") ? "amount" : p.startsWith("to.") ? "destinationId" : null) },
  );
  if (!sent.ok) return sent.result;
  const obt = sent.value;
  await recordSuccess(db, op, { stripeObjectId: String(obt.id), result: obt });
  await applyOutboundV2(db, wallet.account, obt, "v2_outbound_transfer", new Date());
  return ok(toSent(op.id, obt, !fresh));
}

function transferOf(r: Record<string, unknown>): TransferRequest {
  const t = r as TransferRequest;
  return {
    financialAccount: t.financialAccount,
    payoutMethod: t.payoutMethod,
    amount: t.amount,
    currency: t.currency,
    toCurrency: t.toCurrency,
    description: t.description,
  };
}

function toSent(payoutId: string, obt: Record<string, unknown>, replayed: boolean): SentPayout {
  const amount = (obt.amount ?? {}) as { value?: number };
  return {
    payoutId,
    outboundTransferId: String(obt.id),
    amount: Number(amount.value ?? 0),
    currency: "usdc",
    status: String(obt.status ?? "processing"),
    replayed,
  };
}
