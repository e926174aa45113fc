import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { findBankLink } from "@/db/queries/bank-accounts";
import { INBOUND_TRANSFER_KIND } from "@/db/queries/inbound-transfers";
import type { Business } from "@/db/schema";
import { moneyField } from "@/lib/money-field";
import { callStripeOnce, claimOperation, recordSuccess } from "@/lib/operations";

export const moveMoneyInSchema = z.object({
  clientToken: z.string().uuid(),
  bank: z.string().uuid({ error: "Choose a bank account" }),
  amount: moneyField("usd", { max: 10_000_000, per: "transfer" }),
});

/** Pulls money from a verified bank account into the financial account: one transfer per submission. */
export async function moveMoneyIn(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  userId: string,
  input: z.output<typeof moveMoneyInSchema>,
) {
  const bank = await findBankLink(db, { businessId: business.id, id: input.bank, verified: true });
  const paymentMethod = typeof bank?.result?.payment_method === "string" ? bank.result.payment_method : null;
  if (!paymentMethod) return { ok: false as const, field: "bank", message: "Choose a verified bank account" };
  const claim = await claimOperation(db, {
    businessId: business.id,
    kind: INBOUND_TRANSFER_KIND,
    clientToken: input.clientToken,
    createdBy: userId,
    amount: input.amount,
    currency: "usd",
    request: { bank: input.bank },
  });
  if (!claim.ok) return { ok: false as const, field: "_form", message: claim.error.message };
  const { op } = claim.data;
  if (op.status === "succeeded" && op.stripeObjectId)
    return { ok: true as const, id: op.stripeObjectId, status: String(op.result?.status ?? "processing") };
  const sent = await callStripeOnce(db, op, (idempotencyKey) =>
    stripe.treasury.inboundTransfers.create(
      {
        financial_account: business.financialAccountId!,
        amount: input.amount,
        currency: "usd",
        origin_payment_method: paymentMethod,
        description: "Transfer from bank",
      },
      { stripeAccount: business.stripeAccountId!, idempotencyKey },
    ),
  );
  // The caller maps Stripe's error (and tells a refusal from "try again"); the operation already reflects it.
  if (!sent.ok) throw sent.cause;
  const ibt = sent.value;
  await recordSuccess(db, op, { stripeObjectId: ibt.id, result: { status: ibt.status } });
  return { ok: true as const, id: ibt.id, status: ibt.status };
}
