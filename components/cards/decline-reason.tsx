import type { DeclineExplanation } from "@/lib/cards/declines";

/** A declined purchase's reason and what to do next, in words. */
export function DeclineReason({ explanation }: { explanation: DeclineExplanation | null }) {
  if (!explanation) return <span>—</span>;
  return (
    <span data-testid="decline-reason">
      {explanation.why}. <span className="block text-xs text-slate-500">{explanation.next}.</span>
    </span>
  );
}
