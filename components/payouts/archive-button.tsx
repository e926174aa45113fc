"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult<{ id: string }> | null, form: FormData) => Promise<ActionResult<{ id: string }>>;

export function ArchiveDestinationButton({
  action,
  destinationId,
  label,
}: {
  action: Action;
  destinationId: string;
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="destinationId" value={destinationId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Remove ${label}`}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Removing…" : "Remove"}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="ml-2 text-xs text-red-600">
          {state.error.message}
        </span>
      ) : null}
    </form>
  );
}
