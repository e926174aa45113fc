import { useId, type ReactNode } from "react";

/** The hint (until there is an error) and the error under a field, linked by `id` for aria-describedby. */
export function describedBy(id: string, error?: string, hint?: string): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldMessages({ id, name, error, hint }: { id: string; name: string; error?: string; hint?: string }) {
  return (
    <>
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600" data-field-error={name}>
          {error}
        </p>
      ) : null}
    </>
  );
}

type ControlProps = {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
};

/**
 * What every single-control field shares: the label, the control wired to it (id, name, ARIA and the
 * error look), and the hint or error under it. Field and SelectField differ only in the control.
 */
export function FieldShell({
  label,
  name,
  error,
  hint,
  className,
  control,
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  className?: string;
  control: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {control({
        id,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy(id, error, hint),
        className: `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm outline-none transition focus:ring-2 ${
          error ? "border-red-500 focus:ring-red-200" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
        }`,
      })}
      <FieldMessages id={id} name={name} error={error} hint={hint} />
    </div>
  );
}
