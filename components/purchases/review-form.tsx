"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";

const BUTTON =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60";

/** Approve or flag a purchase (or put it back to review): the pressed button is the status. */
export function ReviewForm({
  action,
  purchase,
  label,
  status,
}: {
  action: FormAction<unknown>;
  purchase: string;
  label: string;
  status: "to_review" | "approved" | "flagged";
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { message } = formFeedback(state);
  const choices = [
    { value: "approved", text: "Approve" },
    { value: "flagged", text: "Flag" },
    { value: "to_review", text: "Back to review" },
  ].filter((c) => c.value !== status);
  return (
    <form action={formAction} aria-label={`Review ${label}`} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="purchase" value={purchase} />
      {choices.map((c) => (
        <button key={c.value} type="submit" name="status" value={c.value} disabled={pending} className={BUTTON}>
          {c.text}
        </button>
      ))}
      <FormAlert message={message} />
    </form>
  );
}
