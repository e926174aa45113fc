import Link from "next/link";

/** Shown until the business's USDC wallet exists (it opens once Stripe has verified the business). */
export function WalletClosed() {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
      <h2 className="text-lg font-semibold">Your USDC wallet isn&apos;t open yet</h2>
      <p className="mt-2 text-slate-600">It opens as soon as Stripe has verified your business.</p>
      <Link href="/dashboard" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
        See what&apos;s still needed
      </Link>
    </div>
  );
}
