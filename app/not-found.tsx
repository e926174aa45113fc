import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">We couldn&apos;t find that page</h1>
      <Link href="/" className="text-sm font-medium text-brand-600 hover:underline">
        Go to your home
      </Link>
    </main>
  );
}
