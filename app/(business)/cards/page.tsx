import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BusinessConnect } from "@/components/connect/business-connect";
import { CardsListPanel } from "@/components/connect/embedded";
import { requireBusinessPage } from "@/lib/auth/session";
import { publishableKey } from "@/lib/config";

export const metadata: Metadata = { title: "Cards" };

export default async function CardsPage() {
  const ctx = await requireBusinessPage("cards.view");
  if (!ctx) redirect("/onboarding");
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Cards</h1>
      {ctx.business.stripeAccountId ? (
        <BusinessConnect publishableKey={publishableKey()} sessionKey={`${ctx.user.id}:${ctx.business.id}`}>
          <div data-testid="cards-components">
            <CardsListPanel />
          </div>
        </BusinessConnect>
      ) : (
        <p className="text-slate-600">Finish setting up your business to issue cards.</p>
      )}
    </section>
  );
}
