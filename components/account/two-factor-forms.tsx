"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SECONDARY_BUTTON } from "@/components/team/confirm-form";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";
import { RecoveryCodes } from "./recovery-codes";

const DANGER =
  "rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-60";

/** Ten new codes replace the old ones; the new ones are shown here once. */
export function RegenerateCodesForm({ action }: { action: FormAction<{ codes: string[] }> }) {
  const [state, submit, pending] = useActionState(action, null);
  const { message } = formFeedback(state);
  return (
    <form action={submit} className="space-y-3">
      <FormAlert message={message} />
      {state?.ok ? <RecoveryCodes codes={state.data.codes} /> : null}
      <button type="submit" className={SECONDARY_BUTTON} disabled={pending}>
        {pending ? "Making new codes…" : "Make new recovery codes"}
      </button>
    </form>
  );
}

/** Turning 2FA off asks for proof: a current code, a recovery code, or the password. */
export function DisableTwoFactorForm({ action }: { action: FormAction<{ disabled: boolean }> }) {
  const [state, submit, pending] = useActionState(action, null);
  const { fields, message } = formFeedback(state);
  return (
    <form action={submit} className="max-w-sm space-y-3" noValidate>
      <FormAlert message={message} />
      <Field
        label="A code from your app, a recovery code, or your password"
        name="proof"
        type="password"
        autoComplete="off"
        required
        error={fields.proof}
      />
      <button type="submit" className={DANGER} disabled={pending}>
        {pending ? "Turning off…" : "Turn off two-factor sign-in"}
      </button>
    </form>
  );
}
