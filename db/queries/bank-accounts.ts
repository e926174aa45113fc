import type { DbOrTx } from "@/db/connect";
import type { OperationRow } from "@/db/schema";
import { findBusinessOperation, listBusinessOperations } from "./operations";

// A linked bank account is the operation row of its SetupIntent: pending until the microdeposits
// are verified, succeeded after.

/** The `operations.kind` of linking a bank account. */
export const BANK_LINK_KIND = "bank_account_link";

/** The business's bank link (another business's looks missing); `verified` asks for one whose microdeposits matched. */
export function findBankLink(
  db: DbOrTx,
  { businessId, id, verified }: { businessId: string; id: string; verified?: boolean },
): Promise<OperationRow | undefined> {
  return findBusinessOperation(db, {
    businessId,
    id,
    kind: BANK_LINK_KIND,
    status: verified ? "succeeded" : undefined,
  });
}

/** The business's bank links, newest first. */
export function listBankLinks(db: DbOrTx, { businessId }: { businessId: string }): Promise<OperationRow[]> {
  return listBusinessOperations(db, { businessId, kind: BANK_LINK_KIND });
}
