"use client";

import { useActionState } from "react";
import { CategoryPicker } from "@/components/ui/category-picker";
import { Field } from "@/components/ui/field";
import { formFeedback } from "@/lib/actions/form-action";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SubmitButton } from "@/components/ui/submit-button";
import type { MerchantCategory } from "@/lib/rules/merchant-categories";
import { saveRulesAction } from "./actions";

export type RulesFormValues = {
  blockedCategories: string[];
  allowedCountries: string;
  maxAmount: string;
  velocityPerHour: string;
  killSwitch: boolean;
};

export function RulesForm({
  initial,
  categories,
  platformSummary,
  canEdit,
}: {
  initial: RulesFormValues;
  categories: readonly MerchantCategory[];
  platformSummary: string[];
  canEdit: boolean;
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
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="killSwitch" value="on" defaultChecked={initial.killSwitch} className="size-4" />
          Pause all card spending
        </label>
        <CategoryPicker
          name="blockedCategories"
          label="Blocked merchant categories"
          categories={categories}
          defaultValue={initial.blockedCategories}
          hint="Type a name or MCC, then pick with Enter or a click."
          error={fields.blockedCategories}
        />
        <Field
          label="Allowed merchant countries"
          name="allowedCountries"
          defaultValue={initial.allowedCountries}
          hint="Two-letter codes separated by commas, e.g. US, MX. Empty allows any."
          error={fields.allowedCountries}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Maximum per purchase (USD)"
            name="maxAmount"
            inputMode="decimal"
            defaultValue={initial.maxAmount}
            hint="Empty for no maximum"
            error={fields.maxAmount}
          />
          <Field
            label="Approvals per card per hour"
            name="velocityPerHour"
            inputMode="numeric"
            defaultValue={initial.velocityPerHour}
            hint="Empty for no limit"
            error={fields.velocityPerHour}
          />
        </div>
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
