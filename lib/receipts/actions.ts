import "server-only";
import { getDb } from "@/db";
import { businessSpec } from "@/lib/actions/execute";
import { issuingNow } from "@/lib/cards/schedules";
import { getStripe } from "@/lib/stripe/client";
import { receiptPolicySchema, setReceiptPolicy } from "./policy";
import type { UploadedReceipt } from "./receipt-file";
import { MAX_RECEIPT_BYTES } from "./receipt-limits";
import { receiptStorage } from "./storage";
import { uploadReceipt, uploadReceiptSchema } from "./upload";

/** The receipt a form sent (the action wrapper turns files into their names, so it is read here). */
export async function receiptFileFrom(form: unknown): Promise<UploadedReceipt> {
  const file = form instanceof FormData ? form.get("file") : null;
  if (!file || typeof file === "string" || file.size === 0) return null;
  // A file over the limit is refused by its size, unread.
  const bytes = file.size > MAX_RECEIPT_BYTES ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer());
  return { name: file.name, size: file.size, bytes };
}

export const receiptActions = {
  /** Attaches (or replaces) a purchase's receipt: the business's people, or the cardholder for their own purchase. */
  upload: (file: UploadedReceipt) =>
    businessSpec({
      permission: "receipts.upload",
      schema: uploadReceiptSchema,
      run: async (scope) =>
        uploadReceipt(getDb(), getStripe(), await receiptStorage(), scope, scope.input, file, await issuingNow()),
      audit: (input, data) => ({
        action: "receipt.uploaded",
        target: input.purchase,
        data: { contentType: data.contentType, size: data.size, unfrozen: data.unfrozen },
      }),
      revalidate: (input) => [
        `/purchases/${input.purchase}`,
        `/my-cards/purchases/${input.purchase}`,
        "/receipts",
        "/my-cards",
      ],
    }),

  /** The owner's receipt policy: the amount a receipt is required above, and the days before cards freeze. */
  policy: businessSpec({
    permission: "spend.policy",
    schema: receiptPolicySchema,
    run: ({ actor, business, input }) => setReceiptPolicy(getDb(), business, actor.userId, input),
    audit: (_input, data) => ({
      action: "spend_policy.receipts_updated",
      data: { requiredAbove: data.requiredAbove, freezeAfterDays: data.freezeAfterDays },
    }),
    revalidate: () => ["/receipts"],
    echo: ["requiredAbove", "freezeAfterDays"],
  }),
};
