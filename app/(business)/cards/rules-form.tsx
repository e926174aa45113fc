"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveRulesAction } from "./actions";

export type RulesFormValues = {
  blockedCategories: string[];
  allowedCountries: string;
  maxAmount: string;
  velocityPerHour: string;
  killSwitch: boolean;
};
type Category = { category: string; mcc: string; name: string };

export function RulesForm({
  initial,
  categories,
  platformSummary,
  canEdit,
}: {
  initial: RulesFormValues;
  categories: Category[];
  platformSummary: string[];
  canEdit: boolean;
}) {
  const [state, action] = useActionState(saveRulesAction, null);
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
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
      {state?.ok ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Rules saved. They apply to the next purchase.
        </p>
      ) : null}
      <FormAlert
        message={
          state && !state.ok ? (fields._form ?? (state.error.fields ? undefined : state.error.message)) : undefined
        }
      />
      <fieldset disabled={!canEdit} className="space-y-4 disabled:opacity-70">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="killSwitch" value="on" defaultChecked={initial.killSwitch} className="size-4" />
          Pause all card spending
        </label>
        <div>
          <label htmlFor="blockedCategories" className="block text-sm font-medium text-slate-800">
            Blocked merchant categories
          </label>
          <select
            id="blockedCategories"
            name="blockedCategories"
            multiple
            size={8}
            defaultValue={initial.blockedCategories}
            aria-describedby="blockedCategories-hint"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            {categories.map((c) => (
              <option key={c.category} value={c.category}>
                {c.name} ({c.mcc})
              </option>
            ))}
          </select>
          <p id="blockedCategories-hint" className="mt-1 text-xs text-slate-500">
            Hold Ctrl (or ⌘) to choose several.
          </p>
          {fields.blockedCategories ? <p className="mt-1 text-sm text-red-600">{fields.blockedCategories}</p> : null}
        </div>
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
