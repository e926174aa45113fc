import { Field } from "@/components/ui/field";
import { PASSWORD_MIN } from "@/lib/auth/constants";

/** A new password and its confirmation, as every form that sets a password asks for them. */
export function NewPasswordFields({
  errors,
  autoFocus,
}: {
  errors: { password?: string; confirm?: string };
  autoFocus?: boolean;
}) {
  return (
    <>
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={errors.password}
        autoFocus={autoFocus}
      />
      <Field
        label="Confirm new password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirm}
      />
    </>
  );
}
