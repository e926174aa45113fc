"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";

export const BULK_FORM = "bulk-approve";

/** Approves the purchases ticked in the list (their checkboxes belong to this form by its id). */
export function BulkApprove({ action }: { action: FormAction<{ purchases: string[] }> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const { message, fields } = formFeedback(state);
  return (
    <form
      id={BULK_FORM}
      action={formAction}
      aria-label="Approve selected"
      className="flex flex-wrap items-center gap-3"
    >
      <input type="hidden" name="status" value="approved" />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
      >
        {pending ? "Approving…" : "Approve selected"}
      </button>
      {state?.ok ? (
        <span role="status" className="text-sm text-green-700">
          {state.data.purchases.length === 1
            ? "1 purchase approved"
            : `${state.data.purchases.length} purchases approved`}
        </span>
      ) : null}
      <FormAlert message={fields.purchase ? "Tick the purchases to approve first" : message} />
    </form>
  );
}
