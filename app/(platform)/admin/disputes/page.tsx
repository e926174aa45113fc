import type { Metadata } from "next";
import { EmptyState } from "@/components/admin/empty-state";
import { DisputesTable } from "@/components/disputes/disputes-table";
import { getDb } from "@/db";
import { listAllDisputes } from "@/db/queries/disputes";
import { requirePlatformPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Disputes" };

/** Every business's disputes, newest first, with their status and deadline. */
export default async function AdminDisputesPage() {
  await requirePlatformPage("platform.accounts.view");
  const rows = await listAllDisputes(getDb());
  return (
    <section className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">Disputes</h1>
        <p className="text-sm text-slate-600">
          Card purchases disputed by the platform&apos;s businesses. The deadline is 110 days after the capture.
        </p>
      </header>
      {rows.length === 0 ? (
        <EmptyState title="No disputes yet">Businesses open disputes from their card pages.</EmptyState>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white px-3">
          <DisputesTable rows={rows} business />
        </div>
      )}
    </section>
  );
}
