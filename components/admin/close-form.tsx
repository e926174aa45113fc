"use client";

import { useActionState, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<{ frozenCardIds: string[] }> | null;
const btn =
  "rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/** Closing can't be undone: the admin types the business's name to confirm. */
export function CloseForm({
  action,
  businessId,
  businessName,
}: {
  action: (prev: Result, form: FormData) => Promise<Result>;
  businessId: string;
  businessName: string;
}) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  // The dialog stays open on a refusal (wrong name, money left), so the reason shows next to the field.
  const [result, submit, pending] = useActionState(async (prev: Result, form: FormData) => {
    const next = await action(prev, form);
    if (next?.ok) setOpen(false);
    return next;
  }, null);
  const error = result && !result.ok ? result.error : undefined;
  return (
    <div className="space-y-2 rounded-lg border border-red-200 bg-white p-3">
      <button
        ref={opener}
        type="button"
        aria-haspopup="dialog"
        className={`${btn} border border-red-300 text-red-700 hover:bg-red-50`}
        onClick={() => setOpen(true)}
      >
        Close account
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          if (!pending) setOpen(next);
        }}
        title="Confirm closing the account"
        description="Spending stops at once (pause and freeze all cards), then the connected account is closed. This can't be undone; Stripe refuses while money remains."
        initialFocus={nameField}
        returnFocus={opener}
      >
        {(cancel) => (
          <form action={submit} className="space-y-2">
            <input type="hidden" name="businessId" value={businessId} />
            <Field
              ref={nameField}
              label={`Type “${businessName}” to confirm`}
              name="confirmName"
              autoComplete="off"
              error={error?.fields?.confirmName}
            />
            {error && !error.fields?.confirmName ? <FormAlert message={error.fields?._form ?? error.message} /> : null}
            <div className="flex gap-2">
              <button
                type="submit"
                disabled={pending}
                className={`${btn} bg-red-600 text-white hover:bg-red-700 disabled:opacity-60`}
              >
                Confirm: close account
              </button>
              {cancel}
            </div>
          </form>
        )}
      </ConfirmDialog>
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          The account is closed.
        </p>
      ) : null}
    </div>
  );
}
