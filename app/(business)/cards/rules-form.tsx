"use client";

import { useActionState } from "react";
import { RulesFields } from "@/components/rules/rules-fields";
import { formFeedback } from "@/lib/actions/form-action";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SubmitButton } from "@/components/ui/submit-button";
import type { MerchantCategory } from "@/lib/rules/merchant-categories";
import type { RulesFormValues } from "@/lib/rules/rules-form-values";
import { saveRulesAction } from "./actions";

export function RulesForm({
  initial,
  categories,
  platformSummary,
  canEdit,
  currency,
}: {
  initial: RulesFormValues;
  categories: readonly MerchantCategory[];
  platformSummary: string[];
  canEdit: boolean;
  /** The business's card currency, which its maximum is entered in. */
  currency: string;
}) {
  const [state, action] = useActionState(saveRulesAction, null);
  const { fields, message } = formFeedback(state);
  return (
    <form action={action} className="space-y-4" aria-labelledby="rules-title" noValidate>
      <div>
        <h2 id="rules-title" className="text-lg font-semibold">
          Your authorization rules
        </h2>
        <p className="text-sm text-slate-600">
          Applied to every card purchase in real time, after the platform&apos;s rules. They can only make spending
          stricter.
        </p>
        {platformSummary.length ? (
          <ul className="mt-2 list-disc pl-5 text-xs text-slate-500">
            {platformSummary.map((s) => (
              <li key={s}>Platform: {s}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {state?.ok ? <FormSuccess>Rules saved. They apply to the next purchase.</FormSuccess> : null}
      <FormAlert message={message} />
      <fieldset disabled={!canEdit} className="space-y-4 disabled:opacity-70">
        <RulesFields
          values={initial}
          errors={fields}
          categories={categories}
          subject="purchase"
          currency={currency}
          killSwitchLabel="Pause all card spending"
        />
        {canEdit ? (
          <div className="max-w-xs">
            <SubmitButton pendingLabel="Saving…">Save rules</SubmitButton>
          </div>
        ) : (
          <p className="text-sm text-slate-600">Only owners and admins can change these rules.</p>
        )}
      </fieldset>
    </form>
  );
}
