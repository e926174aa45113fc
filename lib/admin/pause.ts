import { getBusiness } from "@/db/queries/businesses";
import { authorizationRules } from "@/db/schema";
import type { PlatformActor } from "@/lib/actions/execute";
import { fail, ok, type ActionResult } from "@/lib/errors";
import type { AdminDeps } from "./deps";
import type { BusinessIdInput } from "./schemas";

/**
 * Sets only the business's kill switch, keeping the rest of its rules as they are. (Saving the
 * whole rule set would be refused if the platform had since tightened a limit the business's
 * rules exceed; a kill switch is always stricter, so it must never be refused.)
 */
export async function setPaused(
  deps: AdminDeps,
  actor: PlatformActor,
  input: BusinessIdInput,
  paused: boolean,
): Promise<ActionResult<{ paused: boolean }>> {
  const b = await getBusiness(deps.db, input);
  if (!b) return fail("not_found");
  const set = { killSwitch: paused, updatedBy: actor.userId, updatedAt: new Date() };
  await deps.db
    .insert(authorizationRules)
    .values({ businessId: b.id, ...set })
    .onConflictDoUpdate({ target: authorizationRules.businessId, set });
  deps.rules.invalidate();
  return ok({ paused });
}
