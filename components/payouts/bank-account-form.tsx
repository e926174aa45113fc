"use client";

import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { PayoutDestination } from "@/db/schema";
import type { ActionResult } from "@/lib/errors";

type Action = (
  prev: ActionResult<PayoutDestination> | null,
  form: FormData,
) => Promise<ActionResult<PayoutDestination>>;

const CURRENCIES = [
  { value: "usd", label: "USD · US bank account" },
  { value: "mxn", label: "MXN · Mexican CLABE" },
  { value: "eur", label: "EUR · SEPA IBAN" },
];

/** Add a bank account in USD, MXN or EUR; only the last four digits are kept. */
export function BankAccountForm({ action, clientToken }: { action: Action; clientToken: string }) {
  const [state, formAction] = useActionState(action, null);
  const [currency, setCurrency] = useState("usd");
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="Add a bank account">
      <input type="hidden" name="clientToken" value={clientToken} />
      {state?.ok ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Saved {state.data.label}.
        </p>
      ) : null}
      <FormAlert message={state && !state.ok && !state.error.fields ? state.error.message : undefined} />
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
      <SubmitButton pendingLabel="Saving account…">Save bank account</SubmitButton>
    </form>
  );
}
