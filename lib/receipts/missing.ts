import "server-only";
import type { DbOrTx } from "@/db/connect";
import { countMissingReceipts, getSpendPolicy, listMissingReceipts } from "@/db/queries/receipts";
import type { Business } from "@/db/schema";

export const MISSING_PAGE_SIZE = 25;

/**
 * The business's missing receipts (captured purchases above the policy's amount with none), newest
 * first, a page at a time, optionally one cardholder's. Null when the policy requires none.
 */
export async function missingReceipts(
  db: DbOrTx,
  business: Business,
  opts: { cardholderId?: string | null; page?: number; pageSize?: number } = {},
) {
  const policy = await getSpendPolicy(db, { businessId: business.id });
  const accountId = business.stripeAccountId;
  if (!accountId || policy?.receiptRequiredAbove == null) return null;
  const pageSize = opts.pageSize ?? MISSING_PAGE_SIZE;
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const filter = {
    businessId: business.id,
    accountId,
    above: policy.receiptRequiredAbove,
    cardholderId: opts.cardholderId,
  };
  const [count, rows] = await Promise.all([
    countMissingReceipts(db, filter),
    listMissingReceipts(db, { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
  ]);
  return { policy, count, rows, page, pageSize };
}
