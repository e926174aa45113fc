"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { addToWalletAction } from "./actions";

const WALLETS = [
  { value: "apple_pay", label: "Apple Pay" },
  { value: "google_pay", label: "Google Pay" },
];
const DEVICES = [
  { value: "phone", label: "Phone" },
  { value: "watch", label: "Watch" },
  { value: "other", label: "Other device" },
];

/** Stands in for a cardholder adding their card in a wallet app (the sandbox's token control). */
export function AddToWalletForm({ cards }: { cards: Array<{ value: string; label: string }> }) {
  const [state, action] = useActionState(addToWalletAction, null);
  const { fields, message, values } = formFeedback(state);
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Add to a wallet">
      {state?.ok ? (
        <FormSuccess testId="wallet-result">
          Added to the wallet ({state.data.status}).{" "}
          <Link href={`/cards/${state.data.card}`} className="font-medium underline">
            See the card
          </Link>
        </FormSuccess>
      ) : null}
      <FormAlert message={message} />
      <SelectField
        label="Card"
        name="card"
        options={cards}
        placeholder={cards.length ? "Choose a card" : "No cards yet"}
        defaultValue={values.card}
        error={fields.card}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Wallet"
          name="wallet"
          options={WALLETS}
          defaultValue={values.wallet ?? "apple_pay"}
          error={fields.wallet}
        />
        <SelectField
          label="Device"
          name="deviceType"
          options={DEVICES}
          defaultValue={values.deviceType ?? "phone"}
          error={fields.deviceType}
        />
        <Field
          label="Device name"
          name="deviceName"
          defaultValue={values.deviceName ?? "Jenny's iPhone"}
          maxLength={60}
          error={fields.deviceName}
        />
      </div>
      <div className="max-w-xs">
        <SubmitButton pendingLabel="Adding…">Add to wallet</SubmitButton>
      </div>
    </form>
  );
}
