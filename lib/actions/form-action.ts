import type { ActionResult } from "@/lib/errors";

/**
 * The one signature of a server action, the one `useActionState` takes: the previous result (unused,
 * so any result will do) and the form. A hand-crafted request may send anything as the form; the
 * action's schema refuses it.
 */
export type FormAction<T> = (prev: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * What a form shows from its action's last result: errors next to their fields, and one message for
 * the form as a whole (a `_form` field error, or a failure that names no field).
 */
export function formFeedback(state: ActionResult<unknown> | null) {
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};
  return {
    fields,
    message: failed ? (fields._form ?? (failed.error.fields ? undefined : failed.error.message)) : undefined,
    /** What the failed form sent in the action's `echo` fields, to show again. */
    values: failed?.values ?? {},
  };
}
