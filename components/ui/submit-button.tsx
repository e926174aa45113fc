"use client";

import { useFormStatus } from "react-dom";

/**
 * A submit button that shows progress and can't be clicked twice while its form is pending.
 * `pending` is for forms submitted by hand (not as a form action), which useFormStatus can't see.
 */
export function SubmitButton({
  children,
  pendingLabel,
  autoFocus,
  pending: submitting,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  autoFocus?: boolean;
  pending?: boolean;
}) {
  const status = useFormStatus();
  const pending = submitting ?? status.pending;
  return (
    <button
      type="submit"
      autoFocus={autoFocus}
      disabled={pending}
      aria-disabled={pending}
      className="inline-flex w-full items-center justify-center gap-2 rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm transition hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-wait disabled:opacity-70"
    >
      {pending ? (
        <>
          <span className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white" aria-hidden />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
