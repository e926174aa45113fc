"use client";

import { useStepUp } from "@/components/account/step-up";
import { useRef, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHandSubmit } from "@/components/ui/use-hand-submit";
import type { PayoutDestination } from "@/db/schema";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";

type Action = FormAction<PayoutDestination>;

const CURRENCIES = [
  { value: "usd", label: "USD · US bank account" },
  { value: "mxn", label: "MXN · Mexican CLABE" },
  { value: "eur", label: "EUR · SEPA IBAN" },
];

/** Add a bank account in USD, MXN or EUR; only the last four digits are kept. */
export function BankAccountForm({ action, clientToken }: { action: Action; clientToken: string }) {
  const [currency, setCurrency] = useState("usd");
  const formRef = useRef<HTMLFormElement>(null);
  const { state, pending, onSubmit } = useHandSubmit(useStepUp(action), () => {
    // Saved: an empty form (the select and its state back on USD together).
    formRef.current?.reset();
    setCurrency("usd");
  });
  const { fields, message } = formFeedback(state);
  return (
    <form
      ref={formRef}
      // Submitted by hand: a form action's reset put the Currency select back on USD while the form
      // still asked for a CLABE or an IBAN.
      onSubmit={onSubmit}
      className="space-y-3"
      noValidate
      aria-label="Add a bank account"
    >
      <input type="hidden" name="clientToken" value={clientToken} />
      {state?.ok ? <FormSuccess>Saved {state.data.label}.</FormSuccess> : null}
      <FormAlert message={message} />
      <SelectField
        label="Currency"
        name="currency"
        value={currency}
        onChange={(e) => setCurrency(e.target.value)}
        options={CURRENCIES}
        error={fields.currency}
      />
      <Field
        label={currency === "mxn" ? "CLABE" : currency === "eur" ? "IBAN" : "Account number"}
        name="accountNumber"
        autoComplete="off"
        inputMode={currency === "eur" ? "text" : "numeric"}
        error={fields.accountNumber}
      />
      {currency === "usd" ? (
        <Field
          label="Routing number"
          name="routingNumber"
          autoComplete="off"
          inputMode="numeric"
          maxLength={9}
          error={fields.routingNumber}
        />
      ) : null}
      <Field
        label="Label"
        name="label"
        placeholder={`${currency.toUpperCase()} bank account`}
        maxLength={60}
        error={fields.label}
      />
      <SubmitButton pendingLabel="Saving account…" pending={pending}>
        Save bank account
      </SubmitButton>
    </form>
  );
}
