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
