import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { saveReceiptPolicy } from "@/db/queries/receipts";
import type { Business } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { cardCurrencyFor } from "@/lib/funding-model";
import { formatMoney, parseMoney } from "@/lib/money";

export const receiptPolicySchema = z.object({
  requiredAbove: z.string().max(20, { error: "Enter an amount like 25.00" }).optional(),
  freezeAfterDays: z.string().max(4, { error: "Enter a number of days from 1 to 365" }).optional(),
});
export type ReceiptPolicyInput = z.output<typeof receiptPolicySchema>;
export type ReceiptPolicy = { requiredAbove: number | null; freezeAfterDays: number | null };

/** The form's policy: an empty amount means no receipt is required (and so nothing freezes). */
export function parseReceiptPolicy(
  input: ReceiptPolicyInput,
  currency: string,
): { ok: true; value: ReceiptPolicy } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  let requiredAbove: number | null = null;
  const amount = (input.requiredAbove ?? "").trim();
  if (amount) {
    const parsed = parseMoney(amount, currency, { allowZero: true });
    if (parsed.ok) requiredAbove = parsed.amount;
    else fields.requiredAbove = parsed.message;
  }
  let freezeAfterDays: number | null = null;
  const days = (input.freezeAfterDays ?? "").trim();
  if (days) {
    if (!/^\d{1,3}$/.test(days) || Number(days) < 1 || Number(days) > 365)
      fields.freezeAfterDays = "Enter a number of days from 1 to 365";
    else if (!amount) fields.freezeAfterDays = "Set the amount a receipt is required above first";
    else freezeAfterDays = Number(days);
  }
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, value: { requiredAbove, freezeAfterDays } };
}

/** The currency receipts' amounts are in: the business's cards' (its country's). */
export const policyCurrency = (business: Business) => cardCurrencyFor(business.country);

export async function setReceiptPolicy(
  db: DbOrTx,
  business: Business,
  userId: string,
  input: ReceiptPolicyInput,
): Promise<ActionResult<ReceiptPolicy & { summary: string }>> {
  const currency = policyCurrency(business);
  const parsed = parseReceiptPolicy(input, currency);
  if (!parsed.ok) return fail("validation_failed", parsed.fields);
  const { requiredAbove, freezeAfterDays } = parsed.value;
  await saveReceiptPolicy(db, {
    businessId: business.id,
    receiptRequiredAbove: requiredAbove,
    freezeAfterDays,
    updatedBy: userId,
  });
  const summary =
    requiredAbove == null
      ? "Receipts are not required."
      : `Receipts are required above ${formatMoney(requiredAbove, currency)}${freezeAfterDays ? `; cards freeze after ${freezeAfterDays} days without one` : ""}.`;
  return ok({ requiredAbove, freezeAfterDays, summary });
}
