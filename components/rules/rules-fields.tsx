import { CategoryPicker } from "@/components/ui/category-picker";
import { Field } from "@/components/ui/field";
import type { MerchantCategory } from "@/lib/rules/merchant-categories";
import type { RulesFormValues } from "@/lib/rules/rules-form-values";

/**
 * The fields of a rules form, the same for the platform's rules and a business's (one parser,
 * rulesFormSchema, reads both). `subject` names what a rule decides on: a business sees purchases,
 * the platform sees authorizations.
 */
export function RulesFields({
  values,
  errors,
  categories,
  subject,
  currency,
  killSwitchLabel,
  onCategoriesChange,
}: {
  values: RulesFormValues;
  errors: Record<string, string | undefined>;
  categories: readonly MerchantCategory[];
  subject: "purchase" | "authorization";
  /** The currency the maximum is entered in: the business's card currency, or the platform's USD. */
  currency: string;
  killSwitchLabel: string;
  onCategoriesChange?: (next: string[]) => void;
}) {
  return (
    <>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="killSwitch" value="on" defaultChecked={values.killSwitch} className="size-4" />
        {killSwitchLabel}
      </label>
      <CategoryPicker
        name="blockedCategories"
        label="Blocked merchant categories"
        categories={categories}
        defaultValue={values.blockedCategories}
        hint="Type a name or MCC, then pick with Enter or a click."
        onValueChange={onCategoriesChange}
        error={errors.blockedCategories}
      />
      <Field
        label="Allowed merchant countries"
        name="allowedCountries"
        defaultValue={values.allowedCountries}
        hint="Two-letter codes separated by commas, e.g. US, MX. Empty allows any."
        error={errors.allowedCountries}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={`Maximum per ${subject} (${currency.toUpperCase()})`}
          name="maxAmount"
          inputMode="decimal"
          defaultValue={values.maxAmount}
          hint="Empty for no maximum"
          error={errors.maxAmount}
        />
        <Field
          label="Approvals per card per hour"
          name="velocityPerHour"
          inputMode="numeric"
          defaultValue={values.velocityPerHour}
          hint="Empty for no limit"
          error={errors.velocityPerHour}
        />
      </div>
    </>
  );
}
