"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";
import { RecoveryCodes } from "./recovery-codes";

/**
 * Setting up two-factor sign-in: scan the QR code (or type the key), confirm with a code, then the
 * recovery codes appear here once.
 */
export function EnrolmentForm({
  action,
  qrSvg,
  secretKey,
  sealed,
  done,
}: {
  action: FormAction<{ codes: string[] }>;
  qrSvg: string;
  secretKey: string;
  sealed: string;
  done: string;
}) {
  const [state, submit] = useActionState(action, null);
  const { fields, message } = formFeedback(state);
  if (state?.ok)
    return (
      <div className="space-y-4">
        <FormSuccess testId="two-factor-enabled">Two-factor sign-in is on.</FormSuccess>
        <RecoveryCodes codes={state.data.codes} />
        <Link href={done} className="inline-block text-sm font-medium text-brand-600 hover:underline">
          I&apos;ve saved my codes, continue
        </Link>
      </div>
    );
  return (
    <form action={submit} className="max-w-md space-y-4" noValidate>
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>Open an authenticator app (1Password, Google Authenticator, Authy…).</li>
        <li>Scan this QR code, or enter the key below by hand.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div
        role="img"
        aria-label="QR code to add Issuing Console to your authenticator app"
        className="size-48 rounded-md border border-slate-200 bg-white p-1"
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p className="text-sm text-slate-700">
        Key:{" "}
        <code data-testid="totp-key" className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono">
          {secretKey}
        </code>
      </p>
      <FormAlert message={message} />
      <input type="hidden" name="enrolment" value={sealed} />
      <Field
        label="Code from your app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        error={fields.code}
      />
      <SubmitButton pendingLabel="Checking…">Turn on two-factor sign-in</SubmitButton>
    </form>
  );
}
