"use client";

import { useActionState, useId, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";

/**
 * Which alerts reach this person by email: one checkbox per emailed kind (ticked = emailed). The
 * in-app alert comes either way. Controlled, so a save (which resets a form action's form) keeps
 * what was ticked.
 */
export function EmailChoicesForm({
  action,
  choices,
  on,
}: {
  action: FormAction<{ off: string[] }>;
  choices: ReadonlyArray<{ kind: string; label: string }>;
  on: readonly string[];
}) {
  const [state, submit] = useActionState(action, null);
  const { fields, message } = formFeedback(state);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(on));
  const id = useId();
  const error = fields.alert;
  const toggle = (kind: string, checked: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (checked) next.add(kind);
      else next.delete(kind);
      return next;
    });
  return (
    <form action={submit} className="max-w-md space-y-3" noValidate aria-label="Email choices">
      <FormAlert message={message} />
      {state?.ok ? <FormSuccess testId="email-choices-saved">Saved.</FormSuccess> : null}
      <fieldset aria-describedby={error ? `${id}-error` : `${id}-hint`}>
        <legend className="text-sm font-medium text-slate-800">Email me when…</legend>
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          Unticked alerts still appear here and in the bell; they just aren&apos;t emailed.
        </p>
        <div className="mt-2 space-y-2">
          {choices.map((c) => (
            <label key={c.kind} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="alert"
                value={c.kind}
                checked={ticked.has(c.kind)}
                onChange={(e) => toggle(c.kind, e.target.checked)}
                className="size-4"
              />
              {c.label}
            </label>
          ))}
        </div>
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-600" data-field-error="alert">
            {error}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}
