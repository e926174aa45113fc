"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { PASSWORD_MIN } from "@/lib/auth/constants";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, null);
  const { fields, message } = formFeedback(state);
  const dead = state && !state.ok && fields._form !== undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      <FormAlert message={message} />
      {dead ? (
        <Link href="/forgot-password" className="block text-sm font-medium text-brand-600 hover:underline">
          Ask for a new link
        </Link>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={fields.password}
        autoFocus
      />
      <Field
        label="Confirm new password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={fields.confirm}
      />
      <SubmitButton pendingLabel="Saving…">Set new password</SubmitButton>
    </form>
  );
}
