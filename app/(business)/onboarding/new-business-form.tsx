"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { BUSINESS_TYPES, SUPPORTED_COUNTRIES } from "@/lib/businesses/countries";
import { formFeedback } from "@/lib/actions/form-action";
import { createBusinessAction } from "./actions";

export function NewBusinessForm() {
  const [state, action] = useActionState(createBusinessAction, null);
  const { fields, message: formMessage, values } = formFeedback(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={formMessage} />
      <Field
        label="Legal business name"
        name="legalName"
        autoComplete="organization"
        required
        defaultValue={values.legalName}
        error={fields.legalName}
        autoFocus
      />
      <SelectField
        label="Country"
        name="country"
        placeholder="Choose a country"
        options={SUPPORTED_COUNTRIES.map((c) => ({ value: c.code, label: c.name }))}
        defaultValue={values.country ?? ""}
        error={fields.country}
        hint="The country decides how your money is held: US businesses get a USD financial account; Mexico and Argentina a USDC wallet."
      />
      <SelectField
        label="Business type"
        name="businessType"
        options={BUSINESS_TYPES}
        defaultValue={values.businessType ?? "company"}
        error={fields.businessType}
      />
      <SubmitButton pendingLabel="Creating your account…">Continue to verification</SubmitButton>
    </form>
  );
}
