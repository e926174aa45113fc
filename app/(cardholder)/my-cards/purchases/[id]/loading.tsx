/** Shown while the purchase and its receipt are read. */
export default function PurchaseLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading the purchase">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-40 animate-pulse rounded-xl bg-slate-100" />
      <div className="h-56 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
