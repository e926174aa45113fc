"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";

type Action = (
  prev: ActionResult<{ status: string }> | null,
  form: FormData,
) => Promise<ActionResult<{ status: string }>>;

/** Sandbox mode only: move a payout to posted, failed or returned by hand. */
export function SandboxPayoutControls({
  action,
  payoutId,
  status,
}: {
  action: Action;
  payoutId: string;
  status: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const choices =
    status === "processing" ? (["post", "fail"] as const) : status === "posted" ? (["return"] as const) : [];
  if (choices.length === 0) return null;
  return (
    <form action={formAction} className="mt-2 flex flex-wrap items-center gap-2" aria-label="Sandbox controls">
      <input type="hidden" name="payoutId" value={payoutId} />
      <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-amber-800">
        Sandbox
      </span>
      {choices.map((c) => (
        <button
          key={c}
          type="submit"
          name="action"
          value={c}
          disabled={pending}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
        >
          {c === "post" ? "Post" : c === "fail" ? "Fail" : "Return"}
        </button>
      ))}
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-600">
          {state.error.message}
        </span>
      ) : null}
    </form>
  );
}
