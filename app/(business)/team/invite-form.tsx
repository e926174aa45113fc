"use client";

import { useStepUp } from "@/components/account/step-up";
import { useActionState } from "react";
import { CopyLink } from "@/components/team/copy-link";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback } from "@/lib/actions/form-action";
import { inviteAction } from "./actions";

const ROLE_OPTIONS = [
  { value: "member", label: "Member — sees balances, cards and the team" },
  { value: "admin", label: "Admin — also moves money and manages cards" },
];

export function InviteForm({ businessName }: { businessName: string }) {
  const [state, action] = useActionState(useStepUp(inviteAction), null);
  const { fields, message: formMessage, values } = formFeedback(state);
  const invite = state?.ok ? state.data : null;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate aria-label="Invite someone">
        <FormAlert message={formMessage} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={values.email}
          error={fields.email}
        />
        <SelectField
          label="Role"
          name="role"
          options={ROLE_OPTIONS}
          defaultValue={values.role || "member"}
          error={fields.role}
        />
        <SubmitButton pendingLabel="Creating invitation…">Create invitation link</SubmitButton>
      </form>
      {invite ? (
        <div className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4" data-testid="new-invite">
          <p className="text-sm text-emerald-900">
            Send this link to <strong>{invite.email}</strong> to join {businessName} as{" "}
            {invite.role === "admin" ? "an admin" : "a member"}. It works once, until{" "}
            {new Date(invite.expiresAt).toLocaleDateString(undefined, { dateStyle: "medium" })}, and is shown only now.
          </p>
          <CopyLink url={`${window.location.origin}${invite.path}`} />
        </div>
      ) : null}
    </div>
  );
}
