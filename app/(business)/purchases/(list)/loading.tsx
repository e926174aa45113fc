// In a route group so its loading state covers only the list: above /purchases/[id] it made a 404 purchase answer 200.
/** Shown while the purchases are read. */
export default function PurchasesLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading purchases">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-20 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-72 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
