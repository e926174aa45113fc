import { FieldShell } from "./field-messages";
import type { SelectHTMLAttributes } from "react";

type Option = { value: string; label: string };

/** A labelled select with its error under it (same contract as Field). */
export function SelectField({
  label,
  name,
  options,
  error,
  hint,
  placeholder,
  className,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: readonly Option[];
  error?: string;
  hint?: string;
  placeholder?: string;
}) {
  return (
    <FieldShell
      label={label}
      name={name}
      error={error}
      hint={hint}
      className={className}
      control={(control) => (
        <select {...control} {...select}>
          {placeholder ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
