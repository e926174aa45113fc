import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/db/connect";
import { recordAudit } from "@/db/queries/audit-log";
import { userSpec } from "@/lib/actions/execute";
import { fail, ok } from "@/lib/errors";
import { rememberActiveBusiness } from "./active-business";
import { homePathFor } from "./permissions";

const switchSchema = z.object({ businessId: z.uuid("Choose one of your businesses") });

/** Said alike for a business that doesn't exist and one the user isn't in: neither is theirs to pick. */
export const NOT_YOUR_BUSINESS = "You are not a member of that business.";

/**
 * Choosing the business a user works in. The choice is kept in the `ic_business` cookie rather
 * than in the Auth.js token: every request re-reads the user's memberships anyway (a removed
 * member must lose access at once, whatever a token says), so the cookie can only pick among
 * businesses the session's user belongs to, and a forged or stale value falls back to the first
 * (`resolveBusinessContext`). It is also what accepting an invitation already sets.
 *
 * `remember` sets the cookie (tests pass their own); the membership is checked here first, so a
 * business the user is not in is refused and nothing is set or recorded.
 */
export function switchBusinessSpec(
  db: () => DbOrTx,
  remember: (businessId: string) => Promise<void> = rememberActiveBusiness,
) {
  return userSpec({
    schema: switchSchema,
    run: async ({ user, session, memberships, input }) => {
      if (user.platformRole) return fail("forbidden");
      const chosen = memberships.find((m) => m.business.id === input.businessId);
      if (!chosen) return fail("not_found", undefined, NOT_YOUR_BUSINESS);
      await remember(chosen.business.id);
      // A session action like the others (sign-outs, step-ups): filed under the user, not a business.
      await recordAudit(db(), {
        actorUserId: user.id,
        action: "user.business_switched",
        target: chosen.business.id,
        data: { role: chosen.role, sessionId: session.id },
      });
      return ok({ businessId: chosen.business.id, role: chosen.role, home: homePathFor(user, [chosen.role]) });
    },
    // No revalidate: pages read the cookie per request, and setting a cookie in an action drops the client's router cache.
    redirectTo: (_input, data) => data.home,
  });
}
