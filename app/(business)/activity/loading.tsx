/** Shown while the activity log is read. */
export default function ActivityLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading the activity log">
      <div className="h-8 w-32 animate-pulse rounded bg-slate-200" />
      <div className="h-20 animate-pulse rounded-xl bg-slate-100" />
      <div className="h-72 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
