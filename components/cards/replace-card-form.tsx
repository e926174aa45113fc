"use client";

import { useActionState, useId, useRef, useState } from "react";
import { SECONDARY_BUTTON } from "@/components/team/confirm-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import type { FormAction } from "@/lib/actions/form-action";
import type { Replaced } from "@/lib/cards/replace";

export type ReasonOption = { value: string; label: string; hint: string };

/**
 * Replacing a card after a question: why (lost, stolen, damaged, expiring), what happens to the old
 * card, then one confirm. The form's client token (made when the page rendered) makes a double
 * submit replace once; a refusal shows next to the reasons.
 */
export function ReplaceCardForm({
  action,
  cardId,
  clientToken,
  reasons,
  trigger,
  title,
  testId,
}: {
  action: FormAction<Replaced>;
  cardId: string;
  clientToken: string;
  reasons: ReasonOption[];
  trigger: string;
  title: string;
  testId?: string;
}) {
  const notify = useToast();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(reasons[0]!.value);
  const opener = useRef<HTMLButtonElement>(null);
  const [state, formAction, pending] = useActionState<Awaited<ReturnType<FormAction<Replaced>>> | null, FormData>(
    async (prev, form) => {
      const next = await action(prev, form);
      if (next.ok) {
        notify(`Replaced. The new card ends in ${next.data.last4}.`);
        setOpen(false);
      }
      return next;
    },
    null,
  );
  const failed = state && !state.ok ? state.error : null;
  const error = failed ? (failed.fields?.reason ?? failed.fields?._form ?? failed.message) : undefined;
  const chosen = reasons.find((r) => r.value === reason);
  return (
    <div className="flex flex-col items-start gap-1" data-testid={testId}>
      <button
        ref={opener}
        type="button"
        aria-haspopup="dialog"
        className={`${SECONDARY_BUTTON} text-red-700`}
        onClick={() => setOpen(true)}
      >
        {trigger}
      </button>
      {error && !open ? (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          if (!pending) setOpen(next);
        }}
        title={title}
        description={chosen?.hint ?? ""}
        returnFocus={opener}
      >
        {(cancel) => (
          <form action={formAction} className="space-y-3">
            <input type="hidden" name="card" value={cardId} />
            <input type="hidden" name="clientToken" value={clientToken} />
            <fieldset aria-describedby={error ? `${id}-error` : undefined}>
              <legend className="text-sm font-medium text-slate-800">Why?</legend>
              <div className="mt-2 space-y-1">
                {reasons.map((r) => (
                  <label key={r.value} className="flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="reason"
                      value={r.value}
                      checked={reason === r.value}
                      onChange={() => setReason(r.value)}
                    />
                    {r.label}
                  </label>
                ))}
              </div>
            </fieldset>
            {error ? (
              <p id={`${id}-error`} role="alert" className="text-xs text-red-600" data-field-error>
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              {cancel}
              <button
                type="submit"
                className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-60"
                disabled={pending}
                aria-disabled={pending}
              >
                {pending ? "Replacing…" : "Replace card"}
              </button>
            </div>
          </form>
        )}
      </ConfirmDialog>
    </div>
  );
}
