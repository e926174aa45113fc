import "server-only";
import { createHash } from "node:crypto";
import type Stripe from "stripe";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { getPurchase } from "@/db/queries/receipts";
import { can } from "@/lib/auth/permissions";
import type { BusinessScope } from "@/lib/actions/execute";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { releaseReceiptFreezes } from "./freeze";
import { checkReceiptFile, type UploadedReceipt } from "./receipt-file";
import { putReceipt, type Storage } from "./storage";

export const uploadReceiptSchema = z.object({
  purchase: z
    .string({ error: "Choose a purchase" })
    .regex(/^iauth_[A-Za-z0-9_]{1,64}$/, { error: "Choose a purchase" }),
});
export type UploadReceiptInput = z.output<typeof uploadReceiptSchema>;
export type Uploaded = { purchase: string; contentType: string; size: number; unfrozen: string[] };

const NOT_FOUND = fail("not_found", undefined, "That purchase wasn't found.");

/**
 * The purchase, when the actor may see it: the business's own, and for a cardholder (who can't see the
 * business's cards) only one made on their own cards. Anything else looks missing.
 */
export async function visiblePurchase(db: DbOrTx, scope: BusinessScope, id: string) {
  const accountId = scope.business.stripeAccountId;
  if (!accountId) return null;
  const purchase = await getPurchase(db, { accountId, id });
  if (!purchase) return null;
  if (can(scope.actor.role, "cards.view")) return purchase;
  const mine = scope.actor.cardholderId && purchase.a.cardholderId === scope.actor.cardholderId;
  return mine ? purchase : null;
}

/**
 * Stores (or replaces) the purchase's receipt after checking its type from the bytes and its size;
 * a refused file stores nothing. When it clears the cardholder's last overdue receipt, the cards the
 * missing-receipt policy froze are unfrozen.
 */
export async function uploadReceipt(
  db: DbOrTx,
  stripe: Stripe,
  storage: Storage,
  scope: BusinessScope,
  input: UploadReceiptInput,
  upload: UploadedReceipt,
  now: Date,
): Promise<ActionResult<Uploaded>> {
  const purchase = await visiblePurchase(db, scope, input.purchase);
  if (!purchase) return NOT_FOUND;
  const checked = checkReceiptFile(upload);
  if (!checked.ok) return fail("validation_failed", { file: checked.message });
  const { file } = checked;
  await putReceipt(db, storage, {
    businessId: scope.business.id,
    authorizationId: purchase.a.id,
    contentType: file.contentType,
    fileName: file.name,
    bytes: file.bytes,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
    uploadedBy: scope.actor.userId,
  });
  const holder = purchase.a.cardholderId;
  const unfrozen = holder ? await releaseReceiptFreezes(db, stripe, scope.business, holder, now) : [];
  return ok({ purchase: purchase.a.id, contentType: file.contentType, size: file.size, unfrozen });
}
