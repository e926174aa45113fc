import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PurchaseNotePanel } from "@/components/purchases/purchase-note-panel";
import { PurchaseView } from "@/components/receipts/purchase-view";
import { getDb } from "@/db";
import { can } from "@/lib/auth/permissions";
import { requireBusinessPage } from "@/lib/auth/session";
import { visiblePurchase } from "@/lib/receipts/upload";
import { uploadReceiptAction } from "../../receipts/actions";
import { notePurchaseAction } from "../actions";

export const metadata: Metadata = { title: "Purchase" };

/** One of the business's purchases, with its receipt (owners and admins upload; members look). */
export default async function PurchasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireBusinessPage("cards.view");
  const { id } = await params;
  if (!ctx || !/^iauth_[A-Za-z0-9_]{1,64}$/.test(id)) notFound();
  const scope = {
    actor: { userId: ctx.user.id, role: ctx.role, businessId: ctx.business.id, cardholderId: ctx.cardholderId },
    business: ctx.business,
  };
  const purchase = await visiblePurchase(getDb(), scope, id);
  if (!purchase) notFound();
  return (
    <PurchaseView
      business={ctx.business}
      purchase={purchase}
      action={can(ctx.role, "receipts.upload") ? uploadReceiptAction : null}
      backHref="/purchases"
      note={
        can(ctx.role, "expenses.notes") ? (
          <PurchaseNotePanel business={ctx.business} purchase={purchase.a} action={notePurchaseAction} />
        ) : null
      }
    />
  );
}
