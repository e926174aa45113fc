"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/actions/form-action";

/** A small form posting one action (mark one or all read), its error shown beside it. */
export function MarkReadButton<T>({
  action,
  fields = {},
  label,
  testId,
}: {
  action: FormAction<T>;
  fields?: Record<string, string>;
  label: string;
  testId?: string;
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        data-testid={testId}
        className="text-sm font-medium text-brand-700 hover:underline disabled:opacity-60"
      >
        {label}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="ml-2 text-xs text-red-600">
          {state.error.message}
        </span>
      ) : null}
    </form>
  );
}
