"use client";

import { useActionState, useId, useState } from "react";
import { CopyLink } from "@/components/team/copy-link";
import { Field } from "@/components/ui/field";
import { FieldMessages } from "@/components/ui/field-messages";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { inviteCardholderAction } from "./actions";

/**
 * Invites someone who carries the business's cards: linked to one of its Issuing cardholders, or to
 * a new one made from the details Stripe needs (name, billing address; phone for digital wallets).
 */
export function CardholderInviteForm({
  businessName,
  country,
  cardholders,
  clientToken,
}: {
  businessName: string;
  country: string;
  cardholders: Array<{ id: string; name: string; email: string | null }>;
  clientToken: string;
}) {
  const termsId = useId();
  const [state, action] = useActionState(inviteCardholderAction, null);
  const { fields, message, values } = formFeedback(state);
  const [choice, setChoice] = useState(values.cardholder || "new");
  const invite = state?.ok ? state.data : null;
  const options = [
    { value: "new", label: "A new cardholder (enter their details)" },
    ...cardholders.map((c) => ({ value: c.id, label: `${c.name}${c.email ? ` (${c.email})` : ""}` })),
  ];
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate aria-label="Invite a cardholder">
        <FormAlert message={message} />
        <input type="hidden" name="clientToken" value={clientToken} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={values.email}
          error={fields.email}
        />
        <SelectField
          label="Cardholder"
          name="cardholder"
          options={options}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          error={fields.cardholder}
          hint="They will see this cardholder's cards, and nothing else of the business."
        />
        {choice === "new" ? (
          <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium">New cardholder</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="First name" name="firstName" defaultValue={values.firstName} error={fields.firstName} />
              <Field label="Last name" name="lastName" defaultValue={values.lastName} error={fields.lastName} />
            </div>
            <Field
              label="Phone (optional)"
              name="phone"
              type="tel"
              defaultValue={values.phone}
              error={fields.phone}
              hint="With the country code, like +14155550123. Apple Pay and Google Pay need it."
            />
            <Field label="Billing address" name="line1" defaultValue={values.line1} error={fields.line1} />
            <Field label="Address line 2 (optional)" name="line2" defaultValue={values.line2} error={fields.line2} />
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="City" name="city" defaultValue={values.city} error={fields.city} />
              <Field
                label={country === "US" ? "State" : "State or region (optional)"}
                name="state"
                defaultValue={values.state}
                error={fields.state}
              />
              <Field label="Postal code" name="postalCode" defaultValue={values.postalCode} error={fields.postalCode} />
            </div>
            <div>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="terms"
                  className="mt-1"
                  aria-invalid={fields.terms ? true : undefined}
                  aria-describedby={fields.terms ? `${termsId}-error` : undefined}
                />
                <span>They have accepted the card program&apos;s Authorized User Terms.</span>
              </label>
              <FieldMessages id={termsId} name="terms" error={fields.terms} />
            </div>
          </fieldset>
        ) : null}
        <SubmitButton pendingLabel="Creating invitation…">Invite cardholder</SubmitButton>
      </form>
      {invite ? (
        <div
          className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4"
          data-testid="new-cardholder-invite"
        >
          <p className="text-sm text-emerald-900">
            Send this link to <strong>{invite.email}</strong> to sign in to {businessName} as the cardholder{" "}
            <strong>{invite.cardholderName}</strong>. It works once, until{" "}
            {new Date(invite.expiresAt).toLocaleDateString(undefined, { dateStyle: "medium" })}, and is shown only now.
          </p>
          <CopyLink url={`${window.location.origin}${invite.path}`} />
        </div>
      ) : null}
    </div>
  );
}
