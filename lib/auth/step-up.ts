import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { countRecentAudit, recordAudit } from "@/db/queries/audit-log";
import { ageProof, recordProof, revokeUserSession } from "@/db/queries/user-sessions";
import { userSpec } from "@/lib/actions/execute";
import { stripeMode } from "@/lib/config";
import { fail, ok } from "@/lib/errors";
import { signOut } from "./auth";
import { verifyPassword } from "./password";
import { verifySecondFactor } from "./two-factor";

import { STEP_UP_WINDOW_MS } from "./step-up-window";

export { provenRecently, STEP_UP_WINDOW_MS } from "./step-up-window";

/** Wrong answers a session may give in a quarter hour before it is ended (a stolen cookie can't guess on). */
const MAX_FAILED_STEP_UPS = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;

const schema = z.object({
  password: z.string().min(1, "Enter your password or a code").max(1000, "That isn't your password"),
});

export const stepUpActions = {
  /** Proves again who is at the keyboard: sensitive actions are then allowed for a few minutes. */
  confirm: userSpec({
    schema,
    run: async ({ user, session, input }) => {
      const db = getDb();
      const now = new Date();
      const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
      const failures = await countRecentAudit(db, {
        actorUserId: user.id,
        action: "user.step_up_failed",
        target: session.id,
        since,
      });
      if (failures >= MAX_FAILED_STEP_UPS) {
        await revokeUserSession(db, { userId: user.id, sessionId: session.id });
        await signOut({ redirect: false });
        return fail("unauthenticated", undefined, "Too many wrong answers: you have been signed out");
      }
      const proven =
        (await verifyPassword(input.password, user.passwordHash)) ||
        (user.totpEnabledAt !== null && (await verifySecondFactor(db, user, input.password.trim(), now)));
      if (!proven) {
        await recordAudit(db, { actorUserId: user.id, action: "user.step_up_failed", target: session.id });
        return fail("validation_failed", { password: "That isn't your password or a current code" });
      }
      await recordProof(db, { sessionId: session.id, now });
      await recordAudit(db, { actorUserId: user.id, action: "user.step_up", target: session.id });
      return ok({ proven: true });
    },
  }),

  /**
   * Sandbox mode only: makes this session's proof too old, so the next sensitive action asks for
   * the password (to try the step-up without waiting five minutes). It can only ask more, never less.
   */
  expireProof: userSpec({
    schema: z.unknown(),
    run: async ({ user, session }) => {
      if (stripeMode() !== "sandbox") return fail("forbidden");
      await ageProof(getDb(), { sessionId: session.id, ageMs: STEP_UP_WINDOW_MS + 1000 });
      await recordAudit(getDb(), { actorUserId: user.id, action: "user.step_up_expired", target: session.id });
      return ok({ expired: true });
    },
    revalidate: () => ["/account/sessions"],
  }),
};
