import "server-only";
import { getDb } from "@/db";
import { getBusiness } from "@/db/queries/businesses";
import { businessSpec, platformSpec } from "@/lib/actions/execute";
import { fail } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { MAX_EVIDENCE_BYTES } from "./evidence-limits";
import {
  adminOpenDisputeSchema,
  openDispute,
  openDisputeSchema,
  submitDispute,
  submitDisputeSchema,
  type UploadedFile,
} from "./open";

const ECHO = ["reason", "explanation", "productType", "eventDate", "originalTransaction"];

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
      echo: ECHO,
    }),

  /**
   * A platform admin opens one from a business's account review (a cardholder's complaint reached
   * the platform): the same checks and operation as the business's own, audited as the admin's.
   */
  adminOpen: (upload: UploadedFile) =>
    platformSpec({
      permission: "platform.accounts.manage",
      schema: adminOpenDisputeSchema,
      run: async ({ actor, input }) => {
        const business = await getBusiness(getDb(), input);
        if (!business) return fail("not_found", undefined, "That business could not be found");
        return openDispute(getDb(), getStripe(), business, actor.userId, input, upload);
      },
      audit: (input, data) => ({
        action: "admin.dispute.opened",
        target: data.id,
        businessId: input.businessId,
        data: { purchase: input.purchase, reason: input.reason, file: upload ? upload.name : null },
      }),
      revalidate: (input) => [`/admin/accounts/${input.businessId}`, "/admin/disputes"],
      echo: ECHO,
    }),

  submit: businessSpec({
    permission: "cards.manage",
    schema: submitDisputeSchema,
    run: ({ business, input }) => submitDispute(getDb(), getStripe(), business, input.dispute),
    audit: ({ dispute }, data) => ({ action: "dispute.submitted", target: dispute, data: { status: data.status } }),
    revalidate: () => ["/disputes"],
  }),
};
