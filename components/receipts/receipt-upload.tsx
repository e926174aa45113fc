"use client";

import { useRef, useState, type DragEvent } from "react";
import { FieldMessages, describedBy } from "@/components/ui/field-messages";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHandSubmit } from "@/components/ui/use-hand-submit";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";
import { RECEIPT_ACCEPT, RECEIPT_HINT } from "@/lib/receipts/receipt-limits";
import type { Uploaded } from "@/lib/receipts/upload";

/**
 * Attaches or replaces a purchase's receipt: drop a file or choose one (phones offer the camera).
 * The server reads the type from the bytes and says why next to the field; nothing is stored then.
 */
export function ReceiptUpload({
  action,
  purchase,
  replacing,
}: {
  action: FormAction<Uploaded>;
  purchase: string;
  replacing: boolean;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const { state, pending, onSubmit } = useHandSubmit(action, () => {
    formRef.current?.reset();
    setFileName(null);
  });
  const { fields, message } = formFeedback(state);
  const fileId = `receipt-file-${purchase}`;
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
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Upload receipt">
      <input type="hidden" name="purchase" value={purchase} />
      <FormAlert message={message ?? fields.purchase} />
      {state?.ok ? (
        <FormSuccess testId="receipt-saved">
          Receipt saved.
          {state.data.unfrozen.length > 0 ? " No receipts are overdue now, so your cards work again." : ""}
        </FormSuccess>
      ) : null}
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
          <span className="font-medium">{replacing ? "Replace the receipt" : "Receipt"}</span>
          <span className="block text-slate-600">
            {fileName ? `Chosen: ${fileName}` : "Drop a photo or PDF of the receipt here, or take or choose one"}
          </span>
        </label>
        <input
          id={fileId}
          type="file"
          name="file"
          accept={RECEIPT_ACCEPT}
          capture="environment"
          onChange={(e) => setFileName(e.target.files?.[0]?.name ?? null)}
          aria-invalid={fields.file ? true : undefined}
          aria-describedby={describedBy(fileId, fields.file, RECEIPT_HINT)}
          className="mt-2 block w-full text-sm"
        />
        <FieldMessages id={fileId} name="file" error={fields.file} hint={RECEIPT_HINT} />
      </div>
      <div className="w-full sm:w-48">
        <SubmitButton pendingLabel="Uploading…" pending={pending}>
          {replacing ? "Replace receipt" : "Upload receipt"}
        </SubmitButton>
      </div>
    </form>
  );
}
