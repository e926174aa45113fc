"use client";

import Link from "next/link";
import { useState } from "react";
import { FieldMessages, describedBy } from "@/components/ui/field-messages";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHandSubmit } from "@/components/ui/use-hand-submit";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";
import { Field } from "@/components/ui/field";
import { FileDrop } from "@/components/ui/file-drop";
import { EVIDENCE_ACCEPT, EVIDENCE_HINT } from "@/lib/disputes/evidence-limits";
import type { Opened } from "@/lib/disputes/open";
import { DISPUTE_REASONS, reasonSpec } from "@/lib/disputes/reasons";

type Option = { value: string; label: string };
const PRODUCT_TYPES = [
  { value: "merchandise", label: "Goods" },
  { value: "service", label: "A service" },
];

/**
 * Opens a dispute on one captured purchase: the reason, what happened, the reason's own question (a
 * date, goods or service, the purchase it duplicates), and a receipt or letter as evidence (picked or
 * dropped). The server checks everything again and says why next to the field; nothing is created
 * until everything is right.
 */
export function DisputeForm({
  action: openAction,
  purchase,
  label,
  clientToken,
  duplicates,
  hidden,
}: {
  action: FormAction<Opened>;
  purchase: string;
  /** The purchase in words (merchant and amount), to name the form. */
  label: string;
  clientToken: string;
  /** The card's other captures, which a duplicate charge may repeat. */
  duplicates: readonly Option[];
  /** Fields the action needs besides the form's own (the admin's form names the business). */
  hidden?: Record<string, string>;
}) {
  const [open, setOpen] = useState(false);
  // Submitted by hand: a form action's reset would put the reason back on its placeholder while
  // the reason's own fields stay, and empty the chosen file after a refusal elsewhere.
  const { state, pending, onSubmit } = useHandSubmit(openAction);
  // Controlled, so the reason's own fields follow the choice.
  const [reason, setReason] = useState("");
  const [productType, setProductType] = useState("");
  const [original, setOriginal] = useState("");
  const spec = reasonSpec(reason);
  const { fields, message, values } = formFeedback(state);

  if (state?.ok)
    return (
      <FormSuccess testId="dispute-result">
        {hidden ? (
          "Dispute opened. The business submits it from its Disputes page, before the deadline."
        ) : (
          <>
            Dispute opened. Submit it from{" "}
            <Link href="/disputes" className="font-medium underline">
              Disputes
            </Link>
            .
          </>
        )}
      </FormSuccess>
    );
  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-50"
        aria-label={`Dispute ${label}`}
      >
        Dispute
      </button>
    );

  return (
    <form
      onSubmit={onSubmit}
      className="mt-2 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
      noValidate
      aria-label={`Dispute ${label}`}
    >
      <input type="hidden" name="clientToken" value={clientToken} />
      <input type="hidden" name="purchase" value={purchase} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormAlert message={message ?? fields.purchase} />
      <SelectField
        label="Reason"
        name="reason"
        options={DISPUTE_REASONS}
        placeholder="Choose a reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fields.reason}
      />
      {spec?.productType ? (
        <SelectField
          label={spec.productType === "required" ? "What was bought" : "What was bought (optional)"}
          name="productType"
          options={PRODUCT_TYPES}
          placeholder="Choose one"
          value={productType}
          onChange={(e) => setProductType(e.target.value)}
          error={fields.productType}
        />
      ) : null}
      {spec?.date ? (
        <Field
          key={spec.date.field}
          label={spec.date.label}
          name="eventDate"
          type="date"
          defaultValue={values.eventDate ?? ""}
          error={fields.eventDate}
        />
      ) : null}
      {spec?.original ? (
        duplicates.length > 0 ? (
          <SelectField
            label="The purchase it duplicates"
            name="originalTransaction"
            options={duplicates}
            placeholder="Choose the earlier purchase"
            value={original}
            onChange={(e) => setOriginal(e.target.value)}
            error={fields.originalTransaction}
          />
        ) : (
          <p className="text-sm text-amber-800" data-field-error="originalTransaction">
            {fields.originalTransaction ?? "This card has no other captured purchase for this one to duplicate."}
          </p>
        )
      ) : null}
      <div>
        <label htmlFor={`dispute-explanation-${purchase}`} className="block text-sm font-medium">
          What happened
        </label>
        <textarea
          id={`dispute-explanation-${purchase}`}
          name="explanation"
          rows={3}
          maxLength={2000}
          defaultValue={values.explanation ?? ""}
          aria-invalid={fields.explanation ? true : undefined}
          aria-describedby={describedBy(`dispute-explanation-${purchase}`, fields.explanation)}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <FieldMessages id={`dispute-explanation-${purchase}`} name="explanation" error={fields.explanation} />
      </div>
      <FileDrop
        id={`dispute-file-${purchase}`}
        name="file"
        label="Evidence (optional)"
        prompt="Drop a receipt or letter here, or choose a file"
        accept={EVIDENCE_ACCEPT}
        hint={EVIDENCE_HINT}
        error={fields.file}
      />
      <div className="flex flex-wrap items-center gap-3">
        <div className="w-full sm:w-48">
          <SubmitButton pendingLabel="Opening…" pending={pending}>
            Open dispute
          </SubmitButton>
        </div>
        <button type="button" onClick={() => setOpen(false)} className="text-sm text-slate-600 hover:underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
