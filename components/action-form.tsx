"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/actions/form-action";

/**
 * A form that posts to a server action (passed in by a page or layout, so components import
 * nothing from app/) and shows its error, for actions whose success navigates away (signing out).
 */
export function ActionForm({
  action,
  fields = {},
  children,
}: {
  action: FormAction<unknown>;
  fields?: Record<string, string>;
  children: React.ReactNode;
}) {
  const [state, submit] = useActionState(action, null);
  return (
    <form action={submit}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}
