import type { Metadata } from "next";
import { count, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { businesses, users } from "@/db/schema";
import { requirePlatformPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Platform overview" };

export default async function AdminHomePage() {
  await requirePlatformPage("platform.accounts.view");
  const db = getDb();
  const [[biz], [people]] = await Promise.all([
    db.select({ n: count() }).from(businesses),
    db.select({ n: count() }).from(users).where(isNull(users.platformRole)),
  ]);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Platform overview</h1>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase tracking-wide text-slate-500">Businesses</dt>
          <dd className="mt-1 text-2xl font-semibold" data-testid="business-count">
            {biz?.n ?? 0}
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-xs uppercase tracking-wide text-slate-500">Business users</dt>
          <dd className="mt-1 text-2xl font-semibold">{people?.n ?? 0}</dd>
        </div>
      </dl>
    </section>
  );
}
