import type { TimelineStep } from "@/lib/payouts/timeline";

const STYLE: Record<TimelineStep["status"], { label: string; dot: string }> = {
  processing: { label: "Processing", dot: "bg-amber-400" },
  posted: { label: "Posted", dot: "bg-emerald-500" },
  failed: { label: "Failed", dot: "bg-red-500" },
  canceled: { label: "Canceled", dot: "bg-slate-400" },
  returned: { label: "Returned", dot: "bg-orange-500" },
};

const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC"
    : "";

/** A payout's statuses in order, each with its time and, for failures and returns, why. */
export function PayoutTimeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <ol
      className="mt-2 space-y-1.5 border-l border-slate-200 pl-4"
      aria-label="Status timeline"
      data-testid="payout-timeline"
    >
      {steps.map((s) => (
        <li key={s.status} className="relative text-sm" data-step={s.status}>
          <span
            className={`absolute -left-[1.3rem] top-1.5 size-2.5 rounded-full ${STYLE[s.status].dot}`}
            aria-hidden
          />
          <span className="font-medium text-slate-800">{STYLE[s.status].label}</span>
          {s.at ? <span className="ml-2 text-xs text-slate-500">{when(s.at)}</span> : null}
          {s.reason ? <p className="text-xs text-slate-600">Reason: {s.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
