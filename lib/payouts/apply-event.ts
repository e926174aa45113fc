import type { DbOrTx } from "@/db/connect";
import { operationByStripeObject, setOperationResult } from "@/db/queries/operations";
import { PAYOUT_KIND } from "@/db/queries/payouts";
import { laterSnapshot } from "./timeline";

/**
 * Keeps a payout's timeline in step with Stripe: a webhook's fresh OutboundTransfer replaces
 * the stored snapshot unless the stored one is further along (events can arrive out of order).
 */
export async function applyPayoutSnapshot(db: DbOrTx, obt: Record<string, unknown>): Promise<void> {
  const id = typeof obt.id === "string" ? obt.id : null;
  if (!id) return;
  const op = await operationByStripeObject(db, { kind: PAYOUT_KIND, stripeObjectId: id });
  if (!op) return;
  const next = laterSnapshot(op.result, obt);
  if (next === op.result) return;
  await setOperationResult(db, { id: op.id, result: next });
}
