"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { receiveMoneyAction, simulatePurchaseAction } from "./actions";

export function PurchaseForm({
  cards,
  categories,
  currency,
  country,
}: {
  cards: Array<{ value: string; label: string }>;
  categories: Array<{ value: string; label: string }>;
  /** The business's card currency: purchases are made in it. */
  currency: string;
  country: string;
}) {
  const [state, action] = useActionState(simulatePurchaseAction, null);
  const { fields, message } = formFeedback(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state?.ok ? (
        <p
          role="status"
          data-testid="purchase-result"
          className={`rounded-md px-3 py-2 text-sm ${state.data.approved ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
        >
          {state.data.approved
            ? "Approved"
            : `Declined${state.data.why ? `: ${state.data.why}` : state.data.reason ? ` (${state.data.reason.replace(/_/g, " ")})` : ""}`}{" "}
          — {state.data.id}
        </p>
      ) : null}
      <FormAlert message={message} />
      <SelectField
        label="Card"
        name="card"
        options={cards}
        placeholder={cards.length ? "Choose a card" : "No cards yet"}
        error={fields.card}
      />
      <SelectField
        label="Merchant category"
        name="category"
        options={categories}
        defaultValue="taxicabs_limousines"
        error={fields.category}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Merchant name" name="merchantName" defaultValue="Rocket Rides" error={fields.merchantName} />
        <Field label="Country" name="country" defaultValue={country} maxLength={2} error={fields.country} />
        <Field
          label={`Amount (${currency.toUpperCase()})`}
          name="amount"
          inputMode="decimal"
          defaultValue="10.00"
          error={fields.amount}
        />
      </div>
      <div className="max-w-xs">
        <SubmitButton pendingLabel="Simulating…">Simulate purchase</SubmitButton>
      </div>
    </form>
  );
}

/** Money arriving from outside: an ACH credit to a US financial account, or a bank transfer to a UK/EEA Issuing balance. */
export function ReceiveMoneyForm({ currency, bankTransfer }: { currency: string; bankTransfer: boolean }) {
  const [state, action] = useActionState(receiveMoneyAction, null);
  const { fields, message } = formFeedback(state);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <Field
        label={`Amount (${currency.toUpperCase()})`}
        name="amount"
        inputMode="decimal"
        defaultValue="500.00"
        error={fields.amount}
      />
      <div className="w-56">
        <SubmitButton pendingLabel="Sending…">
          {bankTransfer ? "Receive bank transfer" : "Receive ACH credit"}
        </SubmitButton>
      </div>
      {state?.ok ? (
        <FormSuccess testId="receive-result">
          Received. It shows on Home and in {bankTransfer ? "Balance" : "Money"}.
        </FormSuccess>
      ) : null}
      <FormAlert message={message} />
    </form>
  );
}
