import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { uploadReceiptAction } from "@/app/(business)/receipts/actions";
import { PurchaseNotePanel } from "@/components/purchases/purchase-note-panel";
import { PurchaseView } from "@/components/receipts/purchase-view";
import { getDb } from "@/db";
import { requireCardholderPage } from "@/lib/auth/session";
import { visiblePurchase } from "@/lib/receipts/upload";
import { noteOwnPurchaseAction } from "../../actions";

export const metadata: Metadata = { title: "Purchase" };

/** A purchase on one of the cardholder's own cards, where they add its receipt and code it; anything else is a 404. */
export default async function MyPurchasePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCardholderPage();
  const { id } = await params;
  if (!/^iauth_[A-Za-z0-9_]{1,64}$/.test(id)) notFound();
  const scope = {
    actor: { userId: ctx.user.id, role: ctx.role, businessId: ctx.business.id, cardholderId: ctx.cardholderId },
    business: ctx.business,
  };
  const purchase = await visiblePurchase(getDb(), scope, id);
  if (!purchase || purchase.a.cardholderId !== ctx.cardholderId) notFound();
  return (
    <PurchaseView
      business={ctx.business}
      purchase={purchase}
      action={uploadReceiptAction}
      backHref="/my-cards"
      note={<PurchaseNotePanel business={ctx.business} purchase={purchase.a} action={noteOwnPurchaseAction} />}
    />
  );
}
