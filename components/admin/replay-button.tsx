"use client";

import { useActionState, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
  const opener = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const [result, submit, pending] = useActionState(action, null);
  return (
    <div className="space-y-2">
      <button
        ref={opener}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setAsking(true)}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
      >
        Replay into the handler
      </button>
      <ConfirmDialog
        open={asking}
        onOpenChange={setAsking}
        title="Replay into the handler"
        description="Apply this event to the read models again? Rows never move back in time."
        initialFocus={confirm}
        returnFocus={opener}
      >
        {(cancel) => (
          <form action={(f) => (setAsking(false), submit(f))} className="flex gap-2 text-sm">
            <input type="hidden" name="eventId" value={eventId} />
            <button ref={confirm} type="submit" className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white">
              Confirm: replay
            </button>
            {cancel}
          </form>
        )}
      </ConfirmDialog>
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
