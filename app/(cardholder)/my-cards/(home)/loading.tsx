export default function Loading() {
  return (
    <div role="status" aria-label="Loading your cards" className="space-y-6">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      {[0, 1].map((i) => (
        <div key={i} className="h-56 animate-pulse rounded-xl bg-slate-200" />
      ))}
    </div>
  );
}
