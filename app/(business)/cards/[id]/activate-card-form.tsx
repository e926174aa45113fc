"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { activateCardAction } from "../actions";

/** Activates an inactive card; the server refuses a physical card that has not been delivered, and says why. */
export function ActivateCardForm({ card, hint }: { card: string; hint: string | null }) {
  const [state, action] = useActionState(activateCardAction, null);
  const { message } = formFeedback(state);
  return (
    <form action={action} className="mt-4 space-y-3" noValidate aria-label="Activate card">
      <input type="hidden" name="card" value={card} />
      {state?.ok ? <FormSuccess testId="activate-result">The card is active. It can be used now.</FormSuccess> : null}
      <FormAlert message={message} />
      {!state?.ok && hint && !message ? <p className="text-sm text-slate-600">{hint}.</p> : null}
      {state?.ok ? null : (
        <div className="max-w-xs">
          <SubmitButton pendingLabel="Activating…">Activate card</SubmitButton>
        </div>
      )}
    </form>
  );
}
