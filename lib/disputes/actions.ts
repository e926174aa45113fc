import "server-only";
import { getDb } from "@/db";
import { businessSpec } from "@/lib/actions/execute";
import { getStripe } from "@/lib/stripe/client";
import { MAX_EVIDENCE_BYTES } from "./evidence-limits";
import { openDispute, openDisputeSchema, submitDispute, submitDisputeSchema, type UploadedFile } from "./open";

/** The evidence file a form sent (the action wrapper turns files into their names, so it is read here). */
export async function evidenceFileFrom(form: unknown): Promise<UploadedFile> {
  const file = form instanceof FormData ? form.get("file") : null;
  if (!file || typeof file === "string" || file.size === 0) return null;
  // Only the first bytes decide the type; a file over the limit is refused by its size unread.
  const bytes = file.size > MAX_EVIDENCE_BYTES ? new Uint8Array(0) : new Uint8Array(await file.arrayBuffer());
  return { name: file.name, size: file.size, bytes };
}

export const disputeActions = {
  /** A dispute on a captured purchase, with the reason's explanation and an optional evidence file. */
  open: (upload: UploadedFile) =>
    businessSpec({
      permission: "cards.manage",
      schema: openDisputeSchema,
      run: ({ actor, business, input }) => openDispute(getDb(), getStripe(), business, actor.userId, input, upload),
      audit: (input, data) => ({
        action: "dispute.opened",
        target: data.id,
        data: { purchase: input.purchase, reason: input.reason, file: upload ? upload.name : null },
      }),
      revalidate: (_input, data) => ["/disputes", `/cards/${data.cardId}`],
      echo: ["reason", "explanation", "productType"],
    }),

  submit: businessSpec({
    permission: "cards.manage",
    schema: submitDisputeSchema,
    run: ({ business, input }) => submitDispute(getDb(), getStripe(), business, input.dispute),
    audit: ({ dispute }, data) => ({ action: "dispute.submitted", target: dispute, data: { status: data.status } }),
    revalidate: () => ["/disputes"],
  }),
};
