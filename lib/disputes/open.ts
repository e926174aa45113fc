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
import { REASON_VALUES, reasonSpec } from "./reasons";

export const DISPUTE_KIND = "issuing_dispute";

const PURCHASE = /^(ipi|iauth)_[A-Za-z0-9_]{1,64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as Stripe's timestamp (noon UTC, so no time zone moves it to another day). */
function dayToUnix(day: string): number | null {
  if (!DAY.test(day)) return null;
  const t = Date.parse(`${day}T12:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day ? null : Math.floor(t / 1000);
}

const disputeFields = z.object({
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
  eventDate: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  originalTransaction: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
});

/** What each reason needs besides the explanation (`reasons.ts`), said next to its field. */
function checkReasonFields(v: z.output<typeof disputeFields>, ctx: z.RefinementCtx): void {
  const spec = reasonSpec(v.reason);
  if (spec?.productType === "required" && !v.productType)
    ctx.addIssue({ code: "custom", path: ["productType"], message: "Say whether it was goods or a service" });
  if (spec?.date) {
    const at = v.eventDate ? dayToUnix(v.eventDate) : null;
    if (at === null) ctx.addIssue({ code: "custom", path: ["eventDate"], message: "Enter the date, like 2026-11-30" });
    else if (spec.date.field !== "expected_at" && at > Date.now() / 1000)
      ctx.addIssue({ code: "custom", path: ["eventDate"], message: "That date is in the future" });
  }
  if (spec?.original && !(v.originalTransaction && /^ipi_[A-Za-z0-9_]{1,64}$/.test(v.originalTransaction)))
    ctx.addIssue({
      code: "custom",
      path: ["originalTransaction"],
      message: "Choose the purchase this one duplicates",
    });
  if (spec?.original && v.originalTransaction === v.purchase)
    ctx.addIssue({ code: "custom", path: ["originalTransaction"], message: "Choose another purchase than this one" });
}

export const openDisputeSchema = disputeFields.superRefine(checkReasonFields);
/** A platform admin opens one for a business from its account review: the business is named. */
export const adminOpenDisputeSchema = disputeFields
  .extend({ businessId: z.uuid({ error: "Unknown business" }) })
  .superRefine(checkReasonFields);
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
  if (input.originalTransaction && reasonSpec(input.reason)?.original) {
    const original = await findCapture(db, { accountId, purchase: input.originalTransaction });
    if (!original || original.cardId !== capture.cardId || original.id === capture.id)
      return fail("validation_failed", { originalTransaction: "Choose an earlier purchase on the same card" });
  }
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
      const evidence = evidenceFor(input, file?.id ?? null);
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
                  : /\[(canceled_at|expected_at|received_at)\]$/.test(param)
                    ? "eventDate"
                    : param.endsWith("[original_transaction]")
                      ? "originalTransaction"
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

/** The evidence hash of the dispute's reason: the explanation, the file, and the reason's own fields. */
function evidenceFor(input: OpenDisputeInput, fileId: string | null): Stripe.Issuing.DisputeCreateParams.Evidence {
  const spec = reasonSpec(input.reason);
  const at = spec?.date && input.eventDate ? dayToUnix(input.eventDate) : null;
  const hash: Record<string, string | number> = { explanation: input.explanation };
  if (fileId) hash.additional_documentation = fileId;
  if (spec?.productType && input.productType) hash.product_type = input.productType;
  if (spec?.date && at !== null) hash[spec.date.field] = at;
  if (spec?.original && input.originalTransaction) hash.original_transaction = input.originalTransaction;
  return { reason: input.reason, [input.reason]: hash } as Stripe.Issuing.DisputeCreateParams.Evidence;
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
