"use client";

import { useRef } from "react";
import { FileDrop } from "@/components/ui/file-drop";
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
  const { state, pending, onSubmit } = useHandSubmit(action, () => formRef.current?.reset());
  const { fields, message } = formFeedback(state);
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
      <FileDrop
        id={`receipt-file-${purchase}`}
        name="file"
        label={replacing ? "Replace the receipt" : "Receipt"}
        prompt="Drop a photo or PDF of the receipt here, or take or choose one"
        accept={RECEIPT_ACCEPT}
        capture="environment"
        hint={RECEIPT_HINT}
        error={fields.file}
      />
      <div className="w-full sm:w-48">
        <SubmitButton pendingLabel="Uploading…" pending={pending}>
          {replacing ? "Replace receipt" : "Upload receipt"}
        </SubmitButton>
      </div>
    </form>
  );
}
