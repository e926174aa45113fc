"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";

/** A purchase's category and memo, edited in its row. */
export function PurchaseNoteForm({
  action,
  purchase,
  label,
  categories,
  category,
  memo,
}: {
  action: FormAction<unknown>;
  purchase: string;
  label: string;
  categories: ReadonlyArray<{ value: string; label: string }>;
  category: string;
  memo: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const { fields, message, values } = formFeedback(state);
  return (
    <form action={formAction} noValidate aria-label={`Category and memo for ${label}`} className="space-y-2">
      <input type="hidden" name="purchase" value={purchase} />
      <FormAlert message={message} />
      <SelectField
        label="Category"
        name="category"
        options={categories}
        placeholder="No category"
        defaultValue={values.category ?? category}
        error={fields.category}
      />
      <Field label="Memo" name="memo" defaultValue={values.memo ?? memo} maxLength={500} error={fields.memo} />
      {state?.ok ? (
        <p role="status" className="text-xs text-green-700">
          Saved
        </p>
      ) : null}
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}
