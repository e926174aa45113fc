import type { DbOrTx } from "@/db/connect";
import type { OperationRow } from "@/db/schema";
import { listBusinessOperations } from "./operations";

/** The `operations.kind` of pulling money in from a linked bank account. */
export const INBOUND_TRANSFER_KIND = "inbound_transfer";

/** The business's newest transfers in from its banks. */
export function recentInboundTransfers(
  db: DbOrTx,
  { businessId, limit = 10 }: { businessId: string; limit?: number },
): Promise<OperationRow[]> {
  return listBusinessOperations(db, { businessId, kind: INBOUND_TRANSFER_KIND, limit });
}
