"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { FormAction } from "@/lib/actions/form-action";
import { formFeedback } from "@/lib/actions/form-action";

/** Declines a request with a reason the requester sees. */
export function DeclineRequestForm({ action, request }: { action: FormAction<{ id: string }>; request: string }) {
  const [state, submit, pending] = useActionState(action, null);
  const { fields, message, values } = formFeedback(state);
  return (
    <form action={submit} className="flex flex-wrap items-end gap-2" aria-label="Decline the request" noValidate>
      <input type="hidden" name="request" value={request} />
      <FormAlert message={message} />
      <Field
        label="Reason to decline"
        name="reason"
        defaultValue={values.reason}
        error={fields.reason}
        className="min-w-56"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Declining…" : "Decline"}
      </button>
    </form>
  );
}
