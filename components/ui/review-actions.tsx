import { SubmitButton } from "./submit-button";

/**
 * The last step of a money form: Back to editing, or the one confirm that sends it (focused, so a
 * keyboard user confirms with Enter after reading the review).
 */
export function ReviewActions({ onBack, confirm, pending }: { onBack: () => void; confirm: string; pending: string }) {
  return (
    <div className="flex gap-2">
      <button
        type="button"
        onClick={onBack}
        className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        Back
      </button>
      <div className="flex-1">
        <SubmitButton pendingLabel={pending} autoFocus>
          {confirm}
        </SubmitButton>
      </div>
    </div>
  );
}
