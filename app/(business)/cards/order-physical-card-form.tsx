"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ShippingFields } from "@/components/cards/shipping-fields";
import { FormAlert } from "@/components/ui/form-alert";
import { FormSuccess } from "@/components/ui/form-success";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { orderPhysicalCardAction } from "./actions";

type Option = { value: string; label: string };

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
        <ShippingFields
          values={values}
          fields={fields}
          services={services}
          country={country}
          shipsFromUs={shipsFromUs}
        />
      </div>
      <div className="max-w-xs">
        <SubmitButton pendingLabel="Ordering…">Order physical card</SubmitButton>
      </div>
    </form>
  );
}
