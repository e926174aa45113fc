/** Shown while the receipt policy and missing receipts are read. */
export default function ReceiptsLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-label="Loading receipts">
      <div className="h-8 w-32 animate-pulse rounded bg-slate-200" />
      <div className="h-40 animate-pulse rounded-xl bg-slate-100" />
      <div className="h-72 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
