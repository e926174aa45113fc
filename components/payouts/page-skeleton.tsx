/** The loading state of the wallet and payouts pages while balances are read from Stripe. */
export function PageSkeleton({ title }: { title: string }) {
  return (
    <section className="space-y-6" aria-busy="true" aria-label={`Loading ${title}`}>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="grid gap-4 sm:grid-cols-2">
        {[0, 1].map((i) => (
          <div key={i} className="h-24 animate-pulse rounded-lg bg-slate-200" />
        ))}
      </div>
      <div className="space-y-2">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-12 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </section>
  );
}
