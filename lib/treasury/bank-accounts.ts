import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { BANK_LINK_KIND, findBankLink, listBankLinks } from "@/db/queries/bank-accounts";
import type { Business } from "@/db/schema";
import { callStripeOnce, claimOperation, OperationFailed, recordSuccess } from "@/lib/operations";

export const linkBankSchema = z.object({
  clientToken: z.string().uuid(),
  holderName: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(2, { error: "Enter the account holder's name" }).max(80)),
  routingNumber: z
    .string()
    .transform((s) => s.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{9}$/, { error: "Enter the 9-digit routing number" })),
  accountNumber: z
    .string()
    .transform((s) => s.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{4,17}$/, { error: "Enter 4 to 17 digits" })),
  accountType: z.enum(["checking", "savings"], { error: "Choose checking or savings" }),
});

export const verifyBankSchema = z.object({
  operation: z.string().uuid(),
  code: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^SM[A-Z0-9]{4}$/, { error: "Enter the 6-character code that starts with SM" })),
});

export type LinkedBank = {
  operationId: string;
  setupIntent: string;
  paymentMethod: string | null;
  last4: string;
  bankName: string | null;
  status: "pending" | "succeeded" | "failed";
};

/** Links an external bank account with a SetupIntent (microdeposits), once per form submission. */
export async function startBankLink(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  userId: string,
  input: z.output<typeof linkBankSchema>,
  client: { ip: string; userAgent: string },
) {
  const claim = await claimOperation(db, {
    businessId: business.id,
    kind: BANK_LINK_KIND,
    clientToken: input.clientToken,
    createdBy: userId,
    request: { last4: input.accountNumber.slice(-4) },
  });
  if (!claim.ok) throw new OperationFailed(claim);
  const { op } = claim.data;
  // A repeated form gets Stripe's replay of the same SetupIntent (same key), not a second one.
  const sent = await callStripeOnce(db, op, (idempotencyKey) =>
    stripe.setupIntents.create(
      {
        // At 2026-09-30.endive and later the types are `allowed_payment_method_types` (payment_method_types is gone);
        // naming none would mean automatic payment methods, whose confirmation also needs a return_url.
        allowed_payment_method_types: ["us_bank_account"],
        attach_to_self: true,
        flow_directions: ["inbound", "outbound"],
        confirm: true,
        payment_method_data: {
          type: "us_bank_account",
          us_bank_account: {
            routing_number: input.routingNumber,
            account_number: input.accountNumber,
            account_holder_type: "company",
            account_type: input.accountType,
          },
          billing_details: { name: input.holderName },
        },
        mandate_data: {
          customer_acceptance: { type: "online", online: { ip_address: client.ip, user_agent: client.userAgent } },
        },
      },
      { stripeAccount: business.stripeAccountId!, idempotencyKey },
    ),
  );
  if (!sent.ok) throw sent.cause;
  const si = sent.value;
  // Pending until the microdeposits are verified (a form sent again after that leaves it verified).
  if (op.status !== "succeeded")
    await recordSuccess(
      db,
      op,
      { stripeObjectId: si.id, result: { payment_method: si.payment_method, last4: input.accountNumber.slice(-4) } },
      "pending",
    );
  return { operationId: op.id, setupIntent: si };
}

export async function verifyBankLink(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  input: z.output<typeof verifyBankSchema>,
): Promise<"verified" | "wrong_code" | "not_found"> {
  const op = await findBankLink(db, { businessId: business.id, id: input.operation });
  if (!op?.stripeObjectId) return "not_found";
  try {
    const si = await stripe.setupIntents.verifyMicrodeposits(
      op.stripeObjectId,
      { descriptor_code: input.code },
      { stripeAccount: business.stripeAccountId! },
    );
    if (si.status !== "succeeded") return "wrong_code";
  } catch (err) {
    if ((err as { type?: string }).type === "StripeInvalidRequestError") return "wrong_code";
    throw err;
  }
  await recordSuccess(db, op, { stripeObjectId: op.stripeObjectId, result: op.result ?? {} });
  return "verified";
}

export async function linkedBanks(db: DbOrTx, businessId: string): Promise<LinkedBank[]> {
  const rows = await listBankLinks(db, { businessId });
  return rows
    .filter((r) => r.stripeObjectId)
    .map((r) => ({
      operationId: r.id,
      setupIntent: r.stripeObjectId!,
      paymentMethod: typeof r.result?.payment_method === "string" ? r.result.payment_method : null,
      last4: String(r.result?.last4 ?? r.request.last4 ?? ""),
      bankName: null,
      status: r.status,
    }));
}
