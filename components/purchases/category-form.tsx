"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";

/**
 * One small category form: a name field (adding, renaming) or none (archive, restore, delete), its
 * hidden inputs, and its button; errors show beside the name or above the button.
 */
export function CategoryForm({
  action,
  label,
  hidden = {},
  name,
  submit,
  pending,
}: {
  action: FormAction<unknown>;
  label: string;
  hidden?: Record<string, string>;
  /** The name field's current value, when the form has one. */
  name?: string;
  submit: string;
  pending: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const { fields, message, values } = formFeedback(state);
  return (
    <form action={formAction} noValidate aria-label={label} className="flex flex-wrap items-end gap-2">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {name !== undefined ? (
        <Field
          label="Name"
          name="name"
          defaultValue={values.name ?? name}
          maxLength={60}
          error={fields.name}
          key={state?.ok ? "saved" : "editing"}
        />
      ) : null}
      <div className="min-w-24">
        <SubmitButton pendingLabel={pending}>{submit}</SubmitButton>
      </div>
      <FormAlert message={message} />
    </form>
  );
}
