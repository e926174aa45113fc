"use client";

import { useStepUp } from "@/components/account/step-up";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { formatMoney } from "@/lib/money";
import { linkBankAction, moveMoneyInAction, verifyBankAction } from "./actions";

export function LinkBankForm({ clientToken }: { clientToken: string }) {
  const [state, action] = useActionState(useStepUp(linkBankAction), null);
  const { fields, message } = formFeedback(state);
  return (
    <form action={action} className="space-y-4" noValidate aria-labelledby="link-bank-title">
      <h3 id="link-bank-title" className="font-medium">
        Link a bank account
      </h3>
      <input type="hidden" name="clientToken" value={clientToken} />
      <FormAlert message={message} />
      <Field label="Account holder name" name="holderName" autoComplete="name" error={fields.holderName} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Routing number"
          name="routingNumber"
          inputMode="numeric"
          hint="Sandbox: 110000000"
          error={fields.routingNumber}
        />
        <Field
          label="Account number"
          name="accountNumber"
          inputMode="numeric"
          hint="Sandbox: 000123456789"
          error={fields.accountNumber}
        />
      </div>
      <SelectField
        label="Account type"
        name="accountType"
        options={[
          { value: "checking", label: "Checking" },
          { value: "savings", label: "Savings" },
        ]}
        error={fields.accountType}
      />
      <div className="max-w-xs">
        <SubmitButton pendingLabel="Linking…">Link bank account</SubmitButton>
      </div>
    </form>
  );
}

export function VerifyBankForm({ operation, last4 }: { operation: string; last4: string }) {
  const [state, action] = useActionState(verifyBankAction, null);
  const { fields, message } = formFeedback(state);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="operation" value={operation} />
      <Field
        label={`Deposit code for account ••${last4}`}
        name="code"
        hint="We sent a 1¢ deposit; its description starts with SM. Sandbox: SM11AA"
        error={fields.code}
      />
      <div className="w-40">
        <SubmitButton pendingLabel="Verifying…">Verify</SubmitButton>
      </div>
      <FormAlert message={message} />
    </form>
  );
}

export function MoveMoneyInForm({
  clientToken,
  banks,
}: {
  clientToken: string;
  banks: Array<{ value: string; label: string }>;
}) {
  const [state, action] = useActionState(useStepUp(moveMoneyInAction), null);
  const { fields, message } = formFeedback(state);
  return (
    <form action={action} className="space-y-4" noValidate aria-labelledby="move-in-title">
      <h3 id="move-in-title" className="font-medium">
        Move money in
      </h3>
      <input type="hidden" name="clientToken" value={clientToken} />
      {state?.ok ? (
        <FormSuccess testId="inbound-result">
          {formatMoney(Number(state.data.amount), "usd")} is on its way ({String(state.data.status)}). It shows as
          incoming until it arrives.
        </FormSuccess>
      ) : null}
      <FormAlert message={message} />
      <SelectField
        label="From bank account"
        name="bank"
        options={banks}
        placeholder="Choose a bank account"
        error={fields.bank}
      />
      <Field label="Amount (USD)" name="amount" inputMode="decimal" placeholder="0.00" error={fields.amount} />
      <div className="max-w-xs">
        <SubmitButton pendingLabel="Starting transfer…">Transfer in</SubmitButton>
      </div>
    </form>
  );
}
