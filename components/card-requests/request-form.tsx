"use client";

import { useActionState, useState } from "react";
import { ShippingFields, type ShippingChoices } from "@/components/cards/shipping-fields";
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
 * Asks for a new card or a higher limit on one of the requester's cards. A member names who
 * carries a new card (`cardholders`); a cardholder's request is for themselves. A physical card
 * needs the address it ships to, given here; approving it orders the card there.
 */
export function CardRequestForm({
  action,
  currency,
  cardholders,
  cards,
  shipping,
}: {
  action: FormAction<{ id: string }>;
  currency: string;
  /** Whom a member may ask a card for; empty for a cardholder (the card is theirs). */
  cardholders: Option[];
  /** The requester's own cards, for a higher limit. */
  cards: Option[];
  /** The shipping speeds and default country for a physical card. */
  shipping: ShippingChoices;
}) {
  const [state, submit] = useActionState(action, null);
  const { fields, message, values } = formFeedback(state);
  const [kind, setKind] = useState(values.kind || "new_card");
  const [cardType, setCardType] = useState(values.cardType || "virtual");
  // React resets a form's selects after each action, controlled ones too (facebook/react#30580):
  // the two choices are uncontrolled, remounted with what the answer echoes, and the fields they
  // show follow them from each answer on.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setKind(values.kind || "new_card");
    setCardType(values.cardType || "virtual");
  }
  return (
    <form action={submit} className="space-y-4" noValidate aria-label="Request a card">
      <FormAlert message={message} />
      {state?.ok ? <FormSuccess testId="request-sent">Request sent. An owner or admin will decide.</FormSuccess> : null}
      <SelectField
        label="What do you need?"
        name="kind"
        key={`kind-${values.kind ?? ""}`}
        defaultValue={kind}
        onChange={(e) => setKind(e.target.value)}
        options={[
          { value: "new_card", label: "A new card" },
          ...(cards.length ? [{ value: "limit_increase", label: "A higher limit on one of my cards" }] : []),
        ]}
        error={fields.kind}
      />
      {kind === "new_card" ? (
        <SelectField
          label="Virtual or physical"
          name="cardType"
          key={`cardType-${values.cardType ?? ""}`}
          defaultValue={cardType}
          onChange={(e) => setCardType(e.target.value)}
          options={[
            { value: "virtual", label: "Virtual (ready at once, for online purchases)" },
            { value: "physical", label: "Physical (shipped to an address, activated once delivered)" },
          ]}
          error={fields.cardType}
        />
      ) : null}
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
      {kind === "new_card" && cardType === "physical" ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Where it ships</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <ShippingFields values={values} fields={fields} {...shipping} />
          </div>
        </fieldset>
      ) : null}
      <SubmitButton pendingLabel="Sending…">Send request</SubmitButton>
    </form>
  );
}
