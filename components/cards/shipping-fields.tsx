import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";

const SERVICE_LABELS: Record<string, string> = {
  standard: "Standard (5–8 business days)",
  express: "Express (2–4 business days)",
  priority: "Priority (1–2 business days)",
};

export type ShippingChoices = {
  services: readonly string[];
  /** The business's country, the address's default. */
  country: string;
  shipsFromUs: boolean;
};

/** Where a physical card ships and how fast: the physical-card order form's and a card request's. */
export function ShippingFields({
  values,
  fields,
  services,
  country,
  shipsFromUs,
}: ShippingChoices & { values: Record<string, string | undefined>; fields: Record<string, string> }) {
  return (
    <>
      <Field
        label="Name on the parcel"
        name="name"
        autoComplete="name"
        defaultValue={values.name}
        error={fields.name}
        className="sm:col-span-2"
      />
      <Field
        label="Street address"
        name="line1"
        autoComplete="address-line1"
        defaultValue={values.line1}
        error={fields.line1}
      />
      <Field
        label="Apartment, suite (optional)"
        name="line2"
        autoComplete="address-line2"
        defaultValue={values.line2}
        error={fields.line2}
      />
      <Field label="City" name="city" autoComplete="address-level2" defaultValue={values.city} error={fields.city} />
      <Field
        label="State or region (optional)"
        name="state"
        autoComplete="address-level1"
        defaultValue={values.state}
        error={fields.state}
      />
      <Field
        label="Postal code"
        name="postalCode"
        autoComplete="postal-code"
        defaultValue={values.postalCode}
        error={fields.postalCode}
      />
      <Field
        label="Country (2-letter code)"
        name="country"
        autoComplete="country"
        maxLength={2}
        defaultValue={values.country ?? country}
        error={fields.country}
      />
      <SelectField
        label="Shipping"
        name="service"
        key={`service-${values.service ?? ""}`}
        options={services.map((s) => ({ value: s, label: SERVICE_LABELS[s] ?? s }))}
        defaultValue={values.service}
        error={fields.service}
        hint={shipsFromUs ? "Your cards ship from the US, so only express or priority shipping is offered" : undefined}
        className="sm:col-span-2"
      />
    </>
  );
}
