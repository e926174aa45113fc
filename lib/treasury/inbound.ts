import { and, desc, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { operations, type Business } from "@/db/schema";
import { parseMoney } from "@/lib/money";
import { callStripeOnce, claimOperation, recordSuccess } from "@/lib/operations";

export const moveMoneyInSchema = z
  .object({
    clientToken: z.string().uuid(),
    bank: z.string().uuid({ error: "Choose a bank account" }),
    amount: z.string().max(30),
  })
  .transform((v, ctx) => {
    const amount = parseMoney(v.amount, "usd");
    if (!amount.ok) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: amount.message });
      return z.NEVER;
    }
    if (amount.amount > 10_000_000) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "At most $100,000.00 per transfer" });
      return z.NEVER;
    }
    return { ...v, amount: amount.amount };
  });

/** Pulls money from a verified bank account into the financial account: one transfer per submission. */
export async function moveMoneyIn(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  userId: string,
  input: z.output<typeof moveMoneyInSchema>,
) {
  const [bank] = await db
    .select()
    .from(operations)
    .where(
      and(
        eq(operations.id, input.bank),
        eq(operations.businessId, business.id),
        eq(operations.kind, "bank_account_link"),
        eq(operations.status, "succeeded"),
      ),
    )
    .limit(1);
  const paymentMethod = typeof bank?.result?.payment_method === "string" ? bank.result.payment_method : null;
  if (!paymentMethod) return { ok: false as const, field: "bank", message: "Choose a verified bank account" };
  const claim = await claimOperation(db, {
    businessId: business.id,
    kind: "inbound_transfer",
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

export async function recentInbound(db: DbOrTx, businessId: string) {
  return db
    .select()
    .from(operations)
    .where(and(eq(operations.businessId, businessId), eq(operations.kind, "inbound_transfer")))
    .orderBy(desc(operations.createdAt))
    .limit(10);
}
