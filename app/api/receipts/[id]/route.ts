import { getDb } from "@/db";
import { getViewer, resolveBusinessContext } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findReceipt, getReceiptBytes, receiptStorage } from "@/lib/receipts/storage";
import { visiblePurchase } from "@/lib/receipts/upload";

const NOT_FOUND = () => new Response("Not found\n", { status: 404, headers: { "cache-control": "no-store" } });

/**
 * A purchase's receipt (`id` is the purchase's `iauth_…`), for the business's people who see cards and
 * for the cardholder whose purchase it is; anything else looks missing. Sent as the type read from
 * its bytes at upload, shown inline, never sniffed as anything else, and kept out of shared caches.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sign in first\n", { status: 401 });
  const ctx = viewer.user.platformRole ? null : await resolveBusinessContext(viewer);
  if (!ctx || !(can(ctx.role, "cards.view") || can(ctx.role, "cards.own")))
    return new Response("Forbidden\n", { status: 403 });
  const { id } = await params;
  if (!/^iauth_[A-Za-z0-9_]{1,64}$/.test(id)) return NOT_FOUND();
  const db = getDb();
  const scope = {
    actor: { userId: ctx.user.id, role: ctx.role, businessId: ctx.business.id, cardholderId: ctx.cardholderId },
    business: ctx.business,
  };
  const purchase = await visiblePurchase(db, scope, id);
  const receipt = purchase ? await findReceipt(db, { businessId: ctx.business.id, authorizationId: id }) : null;
  if (!receipt) return NOT_FOUND();
  const bytes = await getReceiptBytes(await receiptStorage(), receipt);
  const name = receipt.fileName.replace(/[^\w.\- ]+/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": receipt.contentType,
      "content-length": String(bytes.length),
      "content-disposition": `inline; filename="${name}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=0, must-revalidate",
    },
  });
}
