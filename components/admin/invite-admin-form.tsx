"use client";

import { useStepUp } from "@/components/account/step-up";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<{ email: string; url: string; expiresAt: Date }> | null;

/** The link is shown here once (only its hash is stored): copy it to the colleague. */
export function InviteAdminForm({ action }: { action: (prev: Result, form: FormData) => Promise<Result> }) {
  const [result, submit] = useActionState(useStepUp(action), null);
  const error = result && !result.ok ? result.error : undefined;
  return (
    <form action={submit} className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <Field label="Colleague's email" name="email" type="email" autoComplete="off" error={error?.fields?.email} />
      <div className="w-48">
        <SubmitButton pendingLabel="Creating…">Create invitation</SubmitButton>
      </div>
      {error && !error.fields ? <FormAlert message={error.message} /> : null}
      {result?.ok ? (
        <div role="status" className="space-y-1 text-sm">
          <p className="text-emerald-700">
            Invitation for {result.data.email} created. Send them this link (shown once, valid 72 hours):
          </p>
          <input
            readOnly
            aria-label="Invitation link"
            value={result.data.url}
            className="w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
    </form>
  );
}
