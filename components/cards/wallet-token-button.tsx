"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/actions/form-action";
import { formFeedback } from "@/lib/actions/form-action";

/** Suspend (the wallet stops paying with the token) or resume one wallet token. */
export function WalletTokenButton({
  action,
  card,
  token,
  to,
}: {
  action: FormAction<{ token: string; status: string }>;
  card: string;
  token: string;
  to: "active" | "suspended";
}) {
  const [state, submit, pending] = useActionState(action, null);
  const { message } = formFeedback(state);
  return (
    <form action={submit} className="flex items-center gap-2">
      <input type="hidden" name="card" value={card} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="status" value={to} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
      >
        {pending ? (to === "active" ? "Resuming…" : "Suspending…") : to === "active" ? "Resume" : "Suspend"}
      </button>
      {message ? (
        <span role="alert" className="text-xs text-red-600">
          {message}
        </span>
      ) : null}
    </form>
  );
}
