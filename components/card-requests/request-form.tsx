"use client";

import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";

type Option = { value: string; label: string };

const INTERVALS: Option[] = [
  { value: "monthly", label: "Per month" },
  { value: "weekly", label: "Per week" },
  { value: "daily", label: "Per day" },
  { value: "per_authorization", label: "Per purchase" },
  { value: "yearly", label: "Per year" },
  { value: "all_time", label: "In total" },
];

/**
 * Asks for a new virtual card or a higher limit on one of the requester's cards. A member names who
 * carries a new card (`cardholders`); a cardholder's request is for themselves. Physical cards need
 * a shipping address, so owners order those on the Cards page.
 */
export function CardRequestForm({
  action,
  currency,
  cardholders,
  cards,
}: {
  action: FormAction<{ id: string }>;
  currency: string;
  /** Whom a member may ask a card for; empty for a cardholder (the card is theirs). */
  cardholders: Option[];
  /** The requester's own cards, for a higher limit. */
  cards: Option[];
}) {
  const [state, submit] = useActionState(action, null);
  const { fields, message, values } = formFeedback(state);
  const [kind, setKind] = useState(values.kind || "new_card");
  return (
    <form action={submit} className="space-y-4" noValidate aria-label="Request a card">
      <FormAlert message={message} />
      {state?.ok ? <FormSuccess testId="request-sent">Request sent. An owner or admin will decide.</FormSuccess> : null}
      <SelectField
        label="What do you need?"
        name="kind"
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        options={[
          { value: "new_card", label: "A new virtual card" },
          ...(cards.length ? [{ value: "limit_increase", label: "A higher limit on one of my cards" }] : []),
        ]}
        error={fields.kind}
      />
      {kind === "new_card" && cardholders.length > 0 ? (
        <SelectField
          label="Who carries it"
          name="cardholder"
          options={cardholders}
          placeholder="Choose a cardholder"
          defaultValue={values.cardholder}
          error={fields.cardholder}
        />
      ) : null}
      {kind === "limit_increase" ? (
        <SelectField label="Card" name="card" options={cards} defaultValue={values.card} error={fields.card} />
      ) : null}
      <Field label="What is it for?" name="purpose" required defaultValue={values.purpose} error={fields.purpose} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={`Spending limit (${currency.toUpperCase()})`}
          name="amount"
          inputMode="decimal"
          placeholder="500.00"
          required
          defaultValue={values.amount}
          error={fields.amount}
        />
        <SelectField
          label="Resets"
          name="interval"
          options={INTERVALS}
          defaultValue={values.interval || "monthly"}
          error={fields.interval}
        />
      </div>
      <p className="text-xs text-slate-500">
        Virtual cards only for now: owners order physical cards on the Cards page.
      </p>
      <SubmitButton pendingLabel="Sending…">Send request</SubmitButton>
    </form>
  );
}
