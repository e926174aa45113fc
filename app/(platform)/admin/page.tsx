import type { Metadata } from "next";
import { getDb } from "@/db";
import { countBusinesses } from "@/db/queries/businesses";
import { countBusinessUsers } from "@/db/queries/users";
import { requirePlatformPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Platform overview" };

export default async function AdminHomePage() {
  await requirePlatformPage("platform.accounts.view");
  const db = getDb();
  const [businessCount, peopleCount] = await Promise.all([countBusinesses(db), countBusinessUsers(db)]);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Platform overview</h1>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase tracking-wide text-slate-500">Businesses</dt>
          <dd className="mt-1 text-2xl font-semibold" data-testid="business-count">
            {businessCount}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase tracking-wide text-slate-500">Business users</dt>
          <dd className="mt-1 text-2xl font-semibold">{peopleCount}</dd>
        </div>
      </dl>
    </section>
  );
}
