import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DisputesTable } from "@/components/disputes/disputes-table";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { listDisputes } from "@/db/queries/disputes";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { CapturesPanel, captureCursor } from "@/components/disputes/captures-panel";
import { openDisputeAction } from "./actions";
import { SubmitDisputeButton } from "./submit-dispute-button";

export const metadata: Metadata = { title: "Disputes" };

/**
 * The business's disputes (status, amount, purchase, deadline; owners and admins submit unsubmitted
 * ones), and every card's captured purchases, from which owners and admins open new ones.
 */
export default async function DisputesPage({ searchParams }: { searchParams: Promise<{ purchases?: string }> }) {
  const ctx = await requireBusinessPage("cards.view");
  if (!ctx) redirect("/onboarding");
  const accountId = ctx.business.stripeAccountId;
  const rows = accountId ? await listDisputes(getDb(), { accountId }) : [];
  const canManage = can(ctx.role, "cards.manage");
  const { purchases } = await searchParams;
  return (
    <section className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">Disputes</h1>
        <p className="text-sm text-slate-600">
          Purchases your business disputed. Submit a dispute before its deadline; a won dispute returns the money.
        </p>
      </header>
      <Panel title="Your disputes">
        {rows.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500" data-testid="disputes-empty">
            No disputes. To dispute a wrong charge, choose Dispute next to it under Card purchases below, or on its
            card&apos;s page in{" "}
            <Link href="/cards" className="font-medium text-brand-700 underline">
              Cards
            </Link>
            .
          </p>
        ) : (
          <DisputesTable
            rows={rows}
            cardLinks
            action={
              canManage
                ? (d) => (d.status === "unsubmitted" ? <SubmitDisputeButton dispute={d.id} /> : null)
                : undefined
            }
          />
        )}
      </Panel>
      {accountId ? (
        <CapturesPanel
          accountId={accountId}
          title="Card purchases"
          action={canManage ? openDisputeAction : undefined}
          before={captureCursor(purchases)}
          olderHref={(cursor) => `/disputes?purchases=${cursor}`}
        />
      ) : null}
    </section>
  );
}
