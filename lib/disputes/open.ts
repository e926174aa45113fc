import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { disputeOfTransaction, getDispute } from "@/db/queries/disputes";
import { findCapture } from "@/db/queries/issuing-transactions";
import type { Business } from "@/db/schema";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { applyDispute } from "@/lib/events/read-models";
import { callStripeOnce, claimOperation, recordSuccess } from "@/lib/operations";
import { stripeFailure } from "@/lib/stripe/errors";
import { checkEvidenceFile, fileErrorMessage } from "./evidence-file";

export const DISPUTE_KIND = "issuing_dispute";

type Reason = Stripe.Issuing.Dispute.Evidence.Reason;
/** The reasons we offer: each needs only an explanation (and, for `other`, what was bought) at submit. */
export const DISPUTE_REASONS = [
  { value: "fraudulent", label: "Fraudulent: the cardholder didn't make this purchase" },
  { value: "no_valid_authorization", label: "Not authorized: charged without a valid authorization" },
  { value: "other", label: "Other" },
] as const satisfies ReadonlyArray<{ value: Reason; label: string }>;
const REASON_VALUES = DISPUTE_REASONS.map((r) => r.value) as ["fraudulent", "no_valid_authorization", "other"];

const PURCHASE = /^(ipi|iauth)_[A-Za-z0-9_]{1,64}$/;
export const openDisputeSchema = z
  .object({
    clientToken: z.string({ error: "Reload the page and try again" }).uuid({ error: "Reload the page and try again" }),
    purchase: z.string({ error: "Choose a purchase" }).regex(PURCHASE, { error: "Choose a purchase" }),
    reason: z.enum(REASON_VALUES, { error: "Choose why you dispute it" }),
    explanation: z
      .string({ error: "Explain what happened" })
      .trim()
      .min(1, { error: "Explain what happened" })
      .max(2000, { error: "Keep the explanation under 2,000 characters" }),
    productType: z
      .enum(["", "merchandise", "service"], { error: "Choose goods or a service" })
      .optional()
      .transform((v) => v || undefined),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "other" && !v.productType)
      ctx.addIssue({ code: "custom", path: ["productType"], message: "Say whether it was goods or a service" });
  });
export type OpenDisputeInput = z.output<typeof openDisputeSchema>;
/** The evidence file as the form sent it (read by the action; never part of the schema's text fields). */
export type UploadedFile = { name: string; size: number; bytes: Uint8Array } | null;
export type Opened = { id: string; status: string; cardId: string; replayed?: boolean };

const NOT_CAPTURED =
  "This purchase isn't captured yet: only a captured purchase can be disputed. Try again once it has settled";

/**
 * Opens a dispute on a captured purchase of the business, with the reason's explanation and, if
 * given, a file as `additional_documentation` (uploaded through the Files API first). One operation
 * per form submission, its id the idempotency key of both calls, so a double click opens one.
 */
export async function openDispute(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  userId: string,
  input: OpenDisputeInput,
  upload: UploadedFile,
): Promise<ActionResult<Opened>> {
  const accountId = business.stripeAccountId;
  if (!accountId) return fail("not_found", undefined, "Finish setting up your business first");
  const capture = await findCapture(db, { accountId, purchase: input.purchase });
  if (!capture) return fail("validation_failed", { purchase: NOT_CAPTURED });
  const checked = checkEvidenceFile(upload);
  if (!checked.ok) return fail("validation_failed", { file: checked.message });
  const claim = await claimOperation(db, {
    kind: DISPUTE_KIND,
    clientToken: input.clientToken,
    businessId: business.id,
    createdBy: userId,
    amount: -capture.amount,
    currency: capture.currency,
    request: { transaction: capture.id, reason: input.reason, file: checked.file?.name ?? null },
  });
  if (!claim.ok) return claim;
  const { op } = claim.data;
  if (op.status === "succeeded" && op.stripeObjectId)
    return ok({
      id: op.stripeObjectId,
      status: String(op.result?.status ?? "unsubmitted"),
      cardId: capture.cardId,
      replayed: true,
    });
  const existing = await disputeOfTransaction(db, { accountId, transactionId: capture.id });
  if (existing) return fail("validation_failed", { purchase: "This purchase is already disputed" });

  const opts = { stripeAccount: accountId };
  const sent = await callStripeOnce(
    db,
    op,
    async (idempotencyKey) => {
      // A Treasury card's purchase is disputed through its ReceivedDebit (the SDK's `transaction` doc).
      const txn = await stripe.issuing.transactions.retrieve(capture.id, {}, opts);
      const file = checked.file
        ? await stripe.files.create(
            { purpose: "dispute_evidence", file: checked.file },
            { ...opts, idempotencyKey: `${idempotencyKey}-evidence` },
          )
        : null;
      const evidence: Stripe.Issuing.DisputeCreateParams.Evidence = {
        reason: input.reason,
        [input.reason]: {
          explanation: input.explanation,
          ...(file ? { additional_documentation: file.id } : {}),
          ...(input.reason === "other" ? { product_type: input.productType } : {}),
        },
      };
      const received = txn.treasury?.received_debit;
      return stripe.issuing.disputes.create(
        received ? { treasury: { received_debit: received }, evidence } : { transaction: txn.id, evidence },
        { ...opts, idempotencyKey },
      );
    },
    {
      field: "_form",
      fieldFor: (param) =>
        param === "file"
          ? "file"
          : param === "transaction" || param.startsWith("treasury")
            ? "purchase"
            : param.endsWith("[explanation]")
              ? "explanation"
              : param.endsWith("[additional_documentation]")
                ? "file"
                : param.endsWith("[product_type]")
                  ? "productType"
                  : null,
      refused: "Stripe refused this dispute. Check the purchase and try again",
    },
  );
  if (!sent.ok) {
    const code = (sent.cause as { code?: string; raw?: { code?: string } })?.code;
    const fileMessage = fileErrorMessage(code);
    if (fileMessage) return fail("validation_failed", { file: fileMessage });
    return sent.result;
  }
  const dispute = sent.value;
  await recordSuccess(db, op, { stripeObjectId: dispute.id, result: { status: dispute.status } });
  await applyDispute(db, accountId, dispute, answeredAt(dispute.created));
  return ok({ id: dispute.id, status: dispute.status, cardId: capture.cardId });
}

/**
 * Stripe's answer ranks just below the events of its second (their `created` has one-second
 * resolution), so a webhook of the same second, say the dispute's closing, is never undone by it.
 */
const answeredAt = (unix: number) => new Date(unix * 1000 - 1);

export const submitDisputeSchema = z.object({
  dispute: z.string({ error: "That dispute could not be found" }).regex(/^idp_[A-Za-z0-9_]{1,64}$/, {
    error: "That dispute could not be found",
  }),
});

/**
 * Submits an unsubmitted dispute of the business. The idempotency key is the dispute's own (a
 * dispute is submitted once), so a double click submits once.
 */
export async function submitDispute(
  db: DbOrTx,
  stripe: Stripe,
  business: Business,
  disputeId: string,
): Promise<ActionResult<{ id: string; status: string }>> {
  const accountId = business.stripeAccountId;
  const row = accountId ? await getDispute(db, { accountId, id: disputeId }) : null;
  if (!accountId || !row) return fail("not_found", undefined, "That dispute could not be found");
  if (row.status !== "unsubmitted")
    return fail("validation_failed", { _form: `This dispute is already ${row.status}` });
  try {
    const d = await stripe.issuing.disputes.submit(
      disputeId,
      {},
      { stripeAccount: accountId, idempotencyKey: `dispute-submit-${disputeId}` },
    );
    await applyDispute(db, accountId, d, answeredAt(Math.floor(Date.now() / 1000)));
    return ok({ id: d.id, status: d.status });
  } catch (err) {
    return stripeFailure(err, {
      field: "_form",
      refused: "Stripe refused to submit this dispute: its evidence is incomplete",
    }).result;
  }
}
