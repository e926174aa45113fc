const STYLE: Record<string, string> = {
  unsubmitted: "bg-amber-100 text-amber-900",
  submitted: "bg-sky-100 text-sky-900",
  won: "bg-emerald-100 text-emerald-800",
  lost: "bg-red-100 text-red-800",
  expired: "bg-slate-200 text-slate-700",
};

/** A dispute's status as Stripe names it: unsubmitted, submitted, won, lost or expired. */
export function DisputeStatus({ status }: { status: string }) {
  return (
    <span
      data-testid="dispute-status"
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[status] ?? STYLE.expired}`}
    >
      {status}
    </span>
  );
}
