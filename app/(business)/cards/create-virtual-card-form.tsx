"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { createVirtualCardAction } from "./actions";

type Option = { value: string; label: string };

const USES: Option[] = [
  { value: "unlimited", label: "Unlimited payments" },
  { value: "single", label: "Single use (one payment)" },
  { value: "count", label: "A set number of payments" },
];

/** A virtual card with a life of its own: single-use or n-use, and optionally an end date. */
export function CreateVirtualCardForm({ clientToken, cardholders }: { clientToken: string; cardholders: Option[] }) {
  const [state, action] = useActionState(createVirtualCardAction, null);
  const { fields, message, values } = formFeedback(state);
  const [uses, setUses] = useState(values.uses || "unlimited");
  if (cardholders.length === 0)
    return <p className="mt-2 text-sm text-slate-500">No cardholders yet. Add one in the cards list above first.</p>;
  return (
    <form action={action} className="mt-3 space-y-4" noValidate aria-label="Create a card with limits on its life">
      <input type="hidden" name="clientToken" value={clientToken} />
      {state?.ok ? (
        <FormSuccess testId="virtual-card-result">
          Card{" "}
          <Link href={`/cards/${state.data.id}`} className="font-medium underline">
            •••• {state.data.last4}
          </Link>{" "}
          created
          {state.data.uses ? `, for ${state.data.uses} payment${state.data.uses === 1 ? "" : "s"}` : ""}
          {state.data.endsOn ? `, ending on ${state.data.endsOn}` : ""}.
        </FormSuccess>
      ) : null}
      <FormAlert message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          key={`cardholder-${values.cardholder ?? ""}`}
          label="Cardholder"
          name="cardholder"
          options={cardholders}
          defaultValue={values.cardholder}
          error={fields.cardholder}
        />
        <SelectField
          label="Uses"
          name="uses"
          options={USES}
          value={uses}
          onChange={(e) => setUses(e.target.value)}
          error={fields.uses}
        />
        {uses === "count" ? (
          <Field
            label="Number of payments"
            name="useCount"
            inputMode="numeric"
            defaultValue={values.useCount}
            error={fields.useCount}
          />
        ) : null}
        <Field
          label="Ends on (optional)"
          name="endsOn"
          type="date"
          defaultValue={values.endsOn}
          error={fields.endsOn}
          hint="The card is canceled at the end of this day (UTC)"
        />
      </div>
      <div className="max-w-xs">
        <SubmitButton pendingLabel="Creating…">Create virtual card</SubmitButton>
      </div>
    </form>
  );
}
