"use client";

import { useStepUp } from "@/components/account/step-up";
import { useActionState, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import type { FormAction } from "@/lib/actions/form-action";

const BUTTON =
  "rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60";
const TONES = {
  danger: `${BUTTON} bg-red-600 text-white hover:bg-red-700 focus-visible:outline-red-600`,
  normal: `${BUTTON} bg-brand-600 text-white hover:bg-brand-700 focus-visible:outline-brand-600`,
};
export const SECONDARY_BUTTON = `${BUTTON} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 focus-visible:outline-brand-600`;

/**
 * A change that asks first: the trigger opens a confirmation dialog with Cancel (focused; Escape
 * too) and Confirm, and only Confirm posts. The server answers with a toast or an error shown here.
 */
export function ConfirmForm<T>({
  action,
  done,
  fields,
  trigger,
  question,
  confirmLabel,
  pendingLabel,
  tone = "normal",
  disabled,
  children,
}: {
  action: FormAction<T>;
  /** The toast after a success. */
  done: string;
  fields: Record<string, string>;
  trigger: string;
  question: string;
  confirmLabel: string;
  pendingLabel: string;
  tone?: keyof typeof TONES;
  disabled?: boolean;
  /** Choices made in the dialog itself, posted with the hidden fields (a physical card's design). */
  children?: React.ReactNode;
}) {
  const notify = useToast();
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const guarded = useStepUp(action);
  const [state, formAction, pending] = useActionState<Awaited<ReturnType<FormAction<T>>> | null, FormData>(
    async (prev, form) => {
      const next = await guarded(prev, form);
      if (next.ok) {
        notify(done);
        setConfirming(false);
      }
      return next;
    },
    null,
  );
  const error =
    state && !state.ok ? (state.error.fields ? Object.values(state.error.fields)[0] : state.error.message) : undefined;

  return (
    <div className="flex flex-col items-end gap-1">
      <button
        ref={opener}
        type="button"
        aria-haspopup="dialog"
        className={tone === "danger" ? `${SECONDARY_BUTTON} text-red-700` : SECONDARY_BUTTON}
        disabled={disabled}
        onClick={() => setConfirming(true)}
      >
        {trigger}
      </button>
      {error && !confirming ? (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          if (!pending) setConfirming(open);
        }}
        title={trigger}
        description={question}
        returnFocus={opener}
      >
        {(cancel) => (
          <form action={formAction} className="space-y-2">
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            {children}
            {error ? (
              <p role="alert" className="text-xs text-red-600">
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              {cancel}
              <button type="submit" className={TONES[tone]} disabled={pending} aria-disabled={pending}>
                {pending ? pendingLabel : confirmLabel}
              </button>
            </div>
          </form>
        )}
      </ConfirmDialog>
    </div>
  );
}
