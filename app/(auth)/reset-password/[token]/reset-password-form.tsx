"use client";

import Link from "next/link";
import { useActionState } from "react";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
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
      <NewPasswordFields errors={fields} autoFocus />
      <SubmitButton pendingLabel="Saving…">Set new password</SubmitButton>
    </form>
  );
}
