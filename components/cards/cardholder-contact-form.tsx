"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToast } from "@/components/ui/toast";
import type { FormAction } from "@/lib/actions/form-action";
import { formFeedback } from "@/lib/actions/form-action";

/** The email or phone a wallet needs, added to the card's cardholder where the card says it is missing. */
export function CardholderContactForm({ action, card }: { action: FormAction<{ cardholder: string }>; card: string }) {
  const notify = useToast();
  // Saved, the page re-renders without the missing-contact note and this form: the toast outlives both.
  const [state, submit] = useActionState<Awaited<ReturnType<typeof action>> | null, FormData>(async (prev, form) => {
    const next = await action(prev, form);
    if (next.ok) notify("Saved. The cardholder can add this card to Apple Pay or Google Pay now.");
    return next;
  }, null);
  const { fields, message, values } = formFeedback(state);
  return (
    <form action={submit} className="mt-3 space-y-3" aria-label="Cardholder contact" noValidate>
      <input type="hidden" name="card" value={card} />
      <FormAlert message={message} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={values.email}
          error={fields.email}
        />
        <Field
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="off"
          hint="With its country code, like +14155550123"
          defaultValue={values.phone}
          error={fields.phone}
        />
      </div>
      <div className="max-w-xs">
        <SubmitButton pendingLabel="Saving…">Save contact</SubmitButton>
      </div>
    </form>
  );
}
