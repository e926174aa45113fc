"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { submitDisputeAction } from "./actions";

/** Sends an unsubmitted dispute's evidence to the network; the outcome arrives later (won or lost). */
export function SubmitDisputeButton({ dispute }: { dispute: string }) {
  const [state, action] = useActionState(submitDisputeAction, null);
  const { message } = formFeedback(state);
  if (state?.ok) return <span className="text-sm text-slate-600">Submitted</span>;
  return (
    <form action={action} noValidate aria-label={`Submit dispute ${dispute}`} className="min-w-32 space-y-1">
      <input type="hidden" name="dispute" value={dispute} />
      <FormAlert message={message} />
      <SubmitButton pendingLabel="Submitting…">Submit</SubmitButton>
    </form>
  );
}
