"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";

/** The owner's low-balance alert: owners are told (in the app and by email) when the balance drops below it. */
export function ThresholdForm({
  action,
  current,
  currency,
}: {
  action: FormAction<{ threshold: number | null }>;
  current: string;
  currency: string;
}) {
  const [state, submit] = useActionState(action, null);
  const { fields, message, values } = formFeedback(state);
  return (
    <form action={submit} className="max-w-sm space-y-3" noValidate aria-label="Low-balance alert">
      <FormAlert message={message} />
      {state?.ok ? <FormSuccess testId="threshold-saved">Saved.</FormSuccess> : null}
      <Field
        label={`Alert when the available balance drops below (${currency.toUpperCase()})`}
        name="threshold"
        inputMode="decimal"
        placeholder="Leave empty for no alert"
        defaultValue={values.threshold ?? current}
        error={fields.threshold}
      />
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}
