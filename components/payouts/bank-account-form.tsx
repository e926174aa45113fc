"use client";

import { startTransition, useActionState, useRef, useState } from "react";
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
  const [currency, setCurrency] = useState("usd");
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState<ActionResult<PayoutDestination> | null, FormData>(
    async (prev, form) => {
      const result = await action(prev, form);
      if (result.ok) {
        // Saved: an empty form (the select and its state back on USD together).
        formRef.current?.reset();
        setCurrency("usd");
      }
      return result;
    },
    null,
  );
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  return (
    <form
      ref={formRef}
      // Submitted by hand rather than as a form action: React resets a form after every action, which
      // put the Currency select back on USD (while the form still asked for a CLABE or an IBAN) and
      // cleared what was typed when the server refused it.
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(() => formAction(form));
      }}
      className="space-y-3"
      noValidate
      aria-label="Add a bank account"
    >
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
      <SubmitButton pendingLabel="Saving account…" pending={pending}>
        Save bank account
      </SubmitButton>
    </form>
  );
}
