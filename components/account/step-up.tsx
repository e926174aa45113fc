"use client";

import { createContext, useCallback, useContext, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formFeedback, type FormAction } from "@/lib/actions/form-action";
import type { ActionResult } from "@/lib/errors";

type Ask = () => Promise<boolean>;
const StepUpContext = createContext<Ask | null>(null);

/**
 * Asks for the password again when an action answers `step_up_required` (money out, funding,
 * card secrets, roles, when the last proof is older than a few minutes). Rendered by the app
 * shell around the page, outside its forms, so the question's own form is never nested.
 */
export function StepUpProvider({
  confirm,
  children,
}: {
  confirm: FormAction<{ proven: boolean }>;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ActionResult<{ proven: boolean }> | null>(null);
  const [checking, setChecking] = useState(false);
  const pendingAnswer = useRef<((proven: boolean) => void) | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const password = useRef<HTMLInputElement>(null);

  const finish = useCallback((proven: boolean) => {
    pendingAnswer.current?.(proven);
    pendingAnswer.current = null;
    setOpen(false);
  }, []);
  const ask = useCallback<Ask>(
    () =>
      new Promise<boolean>((resolve) => {
        returnFocus.current = document.activeElement as HTMLElement | null;
        pendingAnswer.current = resolve;
        setState(null);
        setOpen(true);
      }),
    [],
  );
  // Sent by hand, not as a form action: the form that asked is still inside its own action
  // (waiting for this answer), and React would hold this form's updates until that one ends.
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setChecking(true);
    const result = await confirm(null, new FormData(e.currentTarget));
    setChecking(false);
    setState(result.ok ? null : result);
    if (result.ok) finish(true);
  }
  const { fields, message } = formFeedback(open ? state : null);

  return (
    <StepUpContext value={ask}>
      {children}
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => (next ? setOpen(true) : finish(false))}
        title="Confirm it's you"
        description="This moves money or shows something secret. Enter your password again, or a code from your authenticator app if you use one."
        initialFocus={password}
        returnFocus={returnFocus}
      >
        {(cancel) => (
          <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Confirm it's you">
            <FormAlert message={message} />
            <Field
              ref={password}
              label="Password or authenticator code"
              name="password"
              type="password"
              autoComplete="current-password"
              error={fields.password}
            />
            <div className="flex flex-wrap justify-end gap-2">
              {cancel}
              <div>
                <SubmitButton pendingLabel="Checking…" pending={checking}>
                  Confirm
                </SubmitButton>
              </div>
            </div>
          </form>
        )}
      </ConfirmDialog>
    </StepUpContext>
  );
}

/**
 * Wraps a form's action: when the server asks for a fresh proof, the password question opens, and
 * once answered the same form is sent again (the first attempt did nothing, so nothing moves twice).
 */
export function useStepUp<P, R extends ActionResult<unknown> | null>(
  action: (prev: P, form: FormData) => Promise<R>,
): (prev: P, form: FormData) => Promise<R> {
  const ask = useContext(StepUpContext);
  return useCallback(
    async (prev: P, form: FormData) => {
      const result = await action(prev, form);
      if (!result || result.ok || result.error.code !== "step_up_required" || !ask) return result;
      return (await ask()) ? action(prev, form) : result;
    },
    [action, ask],
  );
}
