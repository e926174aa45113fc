import { FieldShell } from "./field-messages";
import type { InputHTMLAttributes, Ref } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  ref?: Ref<HTMLInputElement>;
  label: string;
  name: string;
  error?: string;
  hint?: string;
};

/** A labelled input whose error sits right under it and is announced with the field. */
export function Field({ label, name, error, hint, className, ...input }: FieldProps) {
  return (
    <FieldShell
      label={label}
      name={name}
      error={error}
      hint={hint}
      className={className}
      control={(control) => <input {...control} {...input} />}
    />
  );
}
