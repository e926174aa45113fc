"use client";

import Link from "next/link";
import { useActionState, useState, type DragEvent } from "react";
import { FieldMessages, describedBy } from "@/components/ui/field-messages";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";
import { EVIDENCE_ACCEPT, EVIDENCE_HINT } from "@/lib/disputes/evidence-limits";
import type { Opened } from "@/lib/disputes/open";

type Option = { value: string; label: string };

/**
 * Opens a dispute on one captured purchase: the reason, what happened, and a receipt or letter as
 * evidence (picked or dropped). The server checks the file's size and type again and says why next
 * to the field; nothing is created until everything is right.
 */
export function DisputeForm({
  action: openAction,
  purchase,
  label,
  clientToken,
  reasons,
}: {
  action: FormAction<Opened>;
  purchase: string;
  /** The purchase in words (merchant and amount), to name the form. */
  label: string;
  clientToken: string;
  reasons: readonly Option[];
}) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(openAction, null);
  // Controlled, so they keep their choice when React resets the form after a refused submit.
  const [reason, setReason] = useState("");
  const [productType, setProductType] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  // The reset empties the file input: forget the name shown with it.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setFileName(null);
  }
  const { fields, message, values } = formFeedback(state);
  const fileId = `dispute-file-${purchase}`;

  if (state?.ok)
    return (
      <FormSuccess testId="dispute-result">
        Dispute opened. Submit it from{" "}
        <Link href="/disputes" className="font-medium underline">
          Disputes
        </Link>
        .
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

  const onDrop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    setDragging(false);
    const input = document.getElementById(fileId) as HTMLInputElement | null;
    if (input && e.dataTransfer.files.length > 0) {
      input.files = e.dataTransfer.files;
      setFileName(e.dataTransfer.files[0]?.name ?? null);
    }
  };
  return (
    <form
      action={action}
      className="mt-2 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
      noValidate
      aria-label={`Dispute ${label}`}
    >
      <input type="hidden" name="clientToken" value={clientToken} />
      <input type="hidden" name="purchase" value={purchase} />
      <FormAlert message={message ?? fields.purchase} />
      <SelectField
        label="Reason"
        name="reason"
        options={reasons}
        placeholder="Choose a reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fields.reason}
      />
      {reason === "other" ? (
        <SelectField
          label="What was bought"
          name="productType"
          options={[
            { value: "merchandise", label: "Goods" },
            { value: "service", label: "A service" },
          ]}
          placeholder="Choose one"
          value={productType}
          onChange={(e) => setProductType(e.target.value)}
          error={fields.productType}
        />
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
      <div>
        <label
          htmlFor={fileId}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`block cursor-pointer rounded-md border-2 border-dashed px-3 py-4 text-center text-sm ${dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white"}`}
        >
          <span className="font-medium">Evidence (optional)</span>
          <span className="block text-slate-600">
            {fileName ? `Chosen: ${fileName}` : "Drop a receipt or letter here, or choose a file"}
          </span>
        </label>
        <input
          id={fileId}
          type="file"
          name="file"
          accept={EVIDENCE_ACCEPT}
          onChange={(e) => setFileName(e.target.files?.[0]?.name ?? null)}
          aria-invalid={fields.file ? true : undefined}
          aria-describedby={describedBy(fileId, fields.file, EVIDENCE_HINT)}
          className="mt-2 block w-full text-sm"
        />
        <FieldMessages id={fileId} name="file" error={fields.file} hint={EVIDENCE_HINT} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <div className="w-full sm:w-48">
          <SubmitButton pendingLabel="Opening…">Open dispute</SubmitButton>
        </div>
        <button type="button" onClick={() => setOpen(false)} className="text-sm text-slate-600 hover:underline">
          Cancel
        </button>
      </div>
    </form>
  );
}
