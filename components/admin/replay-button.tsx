"use client";

import { useActionState, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<Record<string, unknown>> | null;

/** Re-applies one stored event to the read models, after a confirmation. */
export function ReplayButton({
  action,
  eventId,
}: {
  action: (prev: Result, form: FormData) => Promise<Result>;
  eventId: string;
}) {
  const [asking, setAsking] = useState(false);
  const [result, submit, pending] = useActionState(action, null);
  return (
    <div className="space-y-2">
      {!asking ? (
        <button
          type="button"
          onClick={() => setAsking(true)}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
        >
          Replay into the handler
        </button>
      ) : (
        <form action={(f) => (setAsking(false), submit(f))} className="flex flex-wrap items-center gap-2 text-sm">
          <input type="hidden" name="eventId" value={eventId} />
          <span>Apply this event to the read models again? Rows never move back in time.</span>
          <button type="submit" autoFocus className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white">
            Confirm: replay
          </button>
          <button
            type="button"
            onClick={() => setAsking(false)}
            className="rounded-md border border-slate-300 px-3 py-2"
          >
            Cancel
          </button>
        </form>
      )}
      {pending ? (
        <p role="status" className="text-sm text-slate-500">
          Replaying…
        </p>
      ) : null}
      {result && !result.ok ? <FormAlert message={result.error.message} /> : null}
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          {result.data.applied ? "Replayed and applied." : `Replayed; it failed again: ${String(result.data.error)}`}
        </p>
      ) : null}
    </div>
  );
}
