/** Shown while the team is read. */
export default function TeamLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading the team">
      <div className="h-8 w-32 animate-pulse rounded bg-slate-200" />
      <div className="h-40 animate-pulse rounded-xl bg-slate-100" />
      <div className="h-56 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
