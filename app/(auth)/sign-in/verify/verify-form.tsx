"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { verifySignInAction } from "./actions";

export function VerifyForm({ next }: { next?: string }) {
  const [state, action] = useActionState(verifySignInAction, null);
  const { fields, message } = formFeedback(state);
  const [recovery, setRecovery] = useState(false);
  return (
    <form action={action} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">Two-factor sign-in</h1>
      <p className="text-sm text-slate-600">
        {recovery
          ? "Enter one of the recovery codes you saved when you set up two-factor sign-in. Each works once."
          : "Enter the 6-digit code from your authenticator app."}
      </p>
      <FormAlert message={message} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {recovery ? (
        <Field
          key="recovery"
          label="Recovery code"
          name="code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={fields.code}
          autoFocus
        />
      ) : (
        <Field
          key="app"
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          required
          error={fields.code}
          autoFocus
        />
      )}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="remember" className="size-4 rounded border-slate-300" />
        Remember this device for 30 days
      </label>
      <SubmitButton pendingLabel="Checking…">Verify</SubmitButton>
      <div className="flex justify-between text-sm">
        <button
          type="button"
          onClick={() => setRecovery(!recovery)}
          className="font-medium text-brand-600 hover:underline"
        >
          {recovery ? "Use a code from your app instead" : "Use a recovery code instead"}
        </button>
        <Link href="/sign-in" className="text-slate-600 hover:underline">
          Start again
        </Link>
      </div>
    </form>
  );
}
