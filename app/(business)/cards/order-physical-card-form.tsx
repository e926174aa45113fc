"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { orderPhysicalCardAction } from "./actions";

type Option = { value: string; label: string };

const SERVICE_LABELS: Record<string, string> = {
  standard: "Standard (5–8 business days)",
  express: "Express (2–4 business days)",
  priority: "Priority (1–2 business days)",
};

/**
 * Orders a physical card for one of the business's cardholders: where it ships, how fast, and
 * which of the platform's card designs it is printed with. The card arrives inactive.
 */
export function OrderPhysicalCardForm({
  clientToken,
  cardholders,
  designs,
  services,
  country,
  shipsFromUs,
}: {
  clientToken: string;
  cardholders: Option[];
  designs: Option[];
  services: readonly string[];
  /** The business's country, the address's default. */
  country: string;
  shipsFromUs: boolean;
}) {
  const [state, action] = useActionState(orderPhysicalCardAction, null);
  const { fields, message, values } = formFeedback(state);
  if (cardholders.length === 0)
    return (
      <p className="mt-2 text-sm text-slate-500">
        No cardholders yet. Create a card for someone in the list above first; then you can order them a physical card
        here.
      </p>
    );
  return (
    <form action={action} className="mt-3 space-y-4" noValidate aria-label="Order a physical card">
      <input type="hidden" name="clientToken" value={clientToken} />
      {state?.ok ? (
        <FormSuccess testId="order-result">
          Card •••• {state.data.last4} ordered. It arrives inactive:{" "}
          <Link href={`/cards/${state.data.id}`} className="font-medium underline">
            follow its delivery
          </Link>{" "}
          and activate it once delivered.
        </FormSuccess>
      ) : null}
      <FormAlert message={message} />
      {/* A select keeps its echoed choice only when remounted with it (a form reset restores its first option). */}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Cardholder"
          name="cardholder"
          key={`cardholder-${values.cardholder ?? ""}`}
          options={cardholders}
          defaultValue={values.cardholder}
          error={fields.cardholder}
        />
        <SelectField
          label="Card design"
          name="design"
          key={`design-${values.design ?? ""}`}
          options={designs}
          defaultValue={values.design}
          error={fields.design}
          hint={designs.length ? undefined : "No active card designs: ask the platform to activate one"}
        />
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
          hint={
            shipsFromUs ? "Your cards ship from the US, so only express or priority shipping is offered" : undefined
          }
          className="sm:col-span-2"
        />
      </div>
      <div className="max-w-xs">
        <SubmitButton pendingLabel="Ordering…">Order physical card</SubmitButton>
      </div>
    </form>
  );
}
