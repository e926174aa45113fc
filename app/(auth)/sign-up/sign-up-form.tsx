"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { PASSWORD_MIN } from "@/lib/auth/constants";
import { formFeedback } from "@/lib/actions/form-action";
import { signUpAction } from "../actions";

export function SignUpForm({ next }: { next?: string }) {
  const [state, action] = useActionState(signUpAction, null);
  const { fields, message: formMessage, values } = formFeedback(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">Create your account</h1>
      {next?.startsWith("/invite/") ? (
        <p className="text-sm text-slate-600">Create your account, then accept your invitation.</p>
      ) : null}
      <FormAlert message={formMessage} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field
        label="Your name"
        name="name"
        autoComplete="name"
        required
        defaultValue={values.name}
        error={fields.name}
        autoFocus
      />
      <Field
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email}
        error={fields.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters`}
        error={fields.password}
      />
      <SubmitButton pendingLabel="Creating account…">Create account</SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link
          href={next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in"}
          className="font-medium text-brand-600 hover:underline"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
