"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHandSubmit } from "@/components/ui/use-hand-submit";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";
import type { ReceiptPolicy } from "@/lib/receipts/policy";

/** The owner's receipt policy: the amount above which a receipt is required, and the days before cards freeze. */
export function ReceiptPolicyForm({
  action,
  currency,
  requiredAbove,
  freezeAfterDays,
}: {
  action: FormAction<ReceiptPolicy & { summary: string }>;
  currency: string;
  /** The saved values, as the form shows them. */
  requiredAbove: string;
  freezeAfterDays: string;
}) {
  const { state, pending, onSubmit } = useHandSubmit(action);
  const { fields, message } = formFeedback(state);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Receipt policy">
      <FormAlert message={message} />
      {state?.ok ? <FormSuccess testId="policy-saved">{state.data.summary}</FormSuccess> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={`Receipt required above (${currency.toUpperCase()})`}
          name="requiredAbove"
          inputMode="decimal"
          placeholder="25.00"
          defaultValue={requiredAbove}
          error={fields.requiredAbove}
          hint="Leave empty to require none"
        />
        <Field
          label="Freeze a cardholder's cards after (days)"
          name="freezeAfterDays"
          inputMode="numeric"
          placeholder="7"
          defaultValue={freezeAfterDays}
          error={fields.freezeAfterDays}
          hint="Days a required receipt may be missing; leave empty to never freeze"
        />
      </div>
      <div className="w-full sm:w-48">
        <SubmitButton pendingLabel="Saving…" pending={pending}>
          Save policy
        </SubmitButton>
      </div>
    </form>
  );
}
