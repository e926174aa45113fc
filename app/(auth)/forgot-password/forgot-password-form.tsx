"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, null);
  const { fields, message, values } = formFeedback(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">Reset your password</h1>
      {state?.ok ? (
        <FormSuccess testId="reset-requested">{state.data.message}</FormSuccess>
      ) : (
        <p className="text-sm text-slate-600">Enter the email you sign in with and we&apos;ll send you a link.</p>
      )}
      <FormAlert message={message} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email}
        error={fields.email}
        autoFocus
      />
      <SubmitButton pendingLabel="Sending…">Send the link</SubmitButton>
      <p className="text-center text-sm text-slate-600">
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
