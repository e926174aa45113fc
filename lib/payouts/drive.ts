import "server-only";
import { getBusiness } from "@/db/queries/businesses";
import { setOperationResult } from "@/db/queries/operations";
import { findPayout } from "@/db/queries/payouts";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { PayoutDeps } from "./deps";
import { laterSnapshot } from "./timeline";
import { applyOutboundV2 } from "@/lib/events/read-models-v2";

type Actor = { businessId: string };

/**
 * Sandbox mode only: posts, fails or returns one of the business's own payouts through the
 * sandbox's controls, so every timeline state can be reached by hand. The payout is looked up
 * by the business first: another business's id looks missing and nothing is sent.
 */
export async function drivePayout(
  deps: PayoutDeps,
  actor: Actor,
  input: { payoutId: string; action: "post" | "fail" | "return"; reason?: string },
): Promise<ActionResult<{ status: string }>> {
  if (!deps.sandboxControl) return fail("forbidden", undefined, "Sandbox controls exist only in sandbox mode");
  const payout = await findPayout(deps.db, { businessId: actor.businessId, id: input.payoutId });
  const business = await getBusiness(deps.db, { businessId: actor.businessId });
  if (!payout?.stripeObjectId || !business?.stripeAccountId) return fail("not_found");
  const result = (await deps.sandboxControl(
    `/_sandbox/v2/outbound_transfers/${encodeURIComponent(payout.stripeObjectId)}/${input.action}`,
    input.reason ? { reason: input.reason } : {},
  )) as Record<string, unknown>;
  if (!result || typeof result.status !== "string" || result.id !== payout.stripeObjectId) {
    return fail("validation_failed", undefined, `This payout can't be moved to that state now`);
  }
  const snapshot = laterSnapshot(payout.result, result);
  await setOperationResult(deps.db, { id: payout.id, result: snapshot });
  await applyOutboundV2(deps.db, business.stripeAccountId, result, "v2_outbound_transfer", new Date());
  return ok({ status: String(snapshot.status) });
}
