"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { FormAction } from "@/lib/actions/form-action";
import type { ActionResult } from "@/lib/errors";

/**
 * A server action submitted from `onSubmit` rather than as `<form action>`. React resets a form
 * after every form action, which puts a controlled select back on its first option while the rest
 * of the form still follows the chosen one, and clears what was typed when the server refused it.
 * Forms whose fields depend on a select use this instead; `onSaved` clears what should be cleared.
 */
export function useHandSubmit<T>(action: FormAction<T>, onSaved?: (data: T) => void) {
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(async (prev, form) => {
    const result = await action(prev, form);
    if (result.ok) onSaved?.(result.data);
    return result;
  }, null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => formAction(form));
  };
  return { state, pending, onSubmit };
}
