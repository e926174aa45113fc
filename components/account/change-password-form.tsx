"use client";

import { useActionState } from "react";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";

/** The password section of /account; the action is passed in by the page (components import nothing from app/). */
export function ChangePasswordForm({ action }: { action: FormAction<{ message: string }> }) {
  const [state, submit] = useActionState(action, null);
  const { fields, message } = formFeedback(state);
  return (
    <section aria-labelledby="password-heading" className="max-w-md rounded-xl border border-slate-200 bg-white p-6">
      <h2 id="password-heading" className="text-lg font-semibold text-slate-900">
        Password
      </h2>
      <form action={submit} className="mt-4 space-y-4" noValidate>
        {state?.ok ? <FormSuccess testId="password-changed">{state.data.message}</FormSuccess> : null}
        <FormAlert message={message} />
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={fields.currentPassword}
        />
        <NewPasswordFields errors={fields} />
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
      </form>
    </section>
  );
}
