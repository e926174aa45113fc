"use client";

import { useActionState } from "react";
import { captureAction, completeInboundAction, reverseAction } from "./actions";

export function AuthorizationButtons({ id }: { id: string }) {
  const [captureState, capture, capturing] = useActionState(captureAction, null);
  const [reverseState, reverse, reversing] = useActionState(reverseAction, null);
  const error = [captureState, reverseState].find((s) => s && !s.ok);
  return (
    <div className="flex items-center gap-2">
      <form action={capture}>
        <input type="hidden" name="authorization" value={id} />
        <button
          type="submit"
          disabled={capturing || reversing}
          className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
        >
          Capture
        </button>
      </form>
      <form action={reverse}>
        <input type="hidden" name="authorization" value={id} />
        <button
          type="submit"
          disabled={capturing || reversing}
          className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
        >
          Reverse
        </button>
      </form>
      {error && !error.ok ? <span className="text-xs text-red-600">{error.error.message}</span> : null}
    </div>
  );
}

export function CompleteInboundButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState(completeInboundAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="transfer" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
      >
        Mark as arrived
      </button>
      {state && !state.ok ? <span className="text-xs text-red-600">{state.error.message}</span> : null}
      {state?.ok ? <span className="text-xs text-emerald-700">Arrived</span> : null}
    </form>
  );
}
