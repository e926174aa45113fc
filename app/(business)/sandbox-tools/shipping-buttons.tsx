"use client";

import { useActionState } from "react";
import { cardShippingAction } from "./actions";

const LABELS = { submit: "Submit", ship: "Ship", deliver: "Deliver", fail: "Fail", return: "Return" } as const;
type Step = keyof typeof LABELS;

/** The shipping steps a card can take from where its delivery is now (as Stripe's test helpers allow). */
const NEXT: Record<string, Step[]> = {
  pending: ["submit", "ship", "fail"],
  submitted: ["ship", "fail"],
  shipped: ["deliver", "fail", "return"],
  delivered: ["return"],
};

export function ShippingButtons({ card, status }: { card: string; status: string }) {
  const [state, action, pending] = useActionState(cardShippingAction, null);
  const steps = NEXT[status] ?? [];
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="card" value={card} />
      {steps.map((step) => (
        <button
          key={step}
          type="submit"
          name="step"
          value={step}
          disabled={pending}
          className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
        >
          {LABELS[step]}
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
