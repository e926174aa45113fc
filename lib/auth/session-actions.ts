import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { recordAudit } from "@/db/queries/audit-log";
import { revokeAllUserSessions, revokeUserSession } from "@/db/queries/user-sessions";
import { userSpec } from "@/lib/actions/execute";
import { fail, ok } from "@/lib/errors";
import { signOut } from "./auth";

const sessionId = z.object({ sessionId: z.uuid("Choose a session") });
const everywhere = z.object({
  includeThis: z.enum(["yes", "no"], { error: "Choose whether this browser signs out too" }),
});

/** A user ends their own sessions: one device, all the others, or all of them with this one. */
export const sessionActions = {
  revoke: userSpec({
    schema: sessionId,
    run: async ({ user, session, input }) => {
      const db = getDb();
      if (!(await revokeUserSession(db, { userId: user.id, sessionId: input.sessionId }))) return fail("not_found");
      await recordAudit(db, { actorUserId: user.id, action: "user.session_revoked", target: input.sessionId });
      const current = input.sessionId === session.id;
      if (current) await signOut({ redirect: false });
      return ok({ current });
    },
    revalidate: () => ["/account/sessions"],
    redirectTo: (_input, data) => (data.current ? "/sign-in" : "/account/sessions"),
  }),

  signOutEverywhere: userSpec({
    schema: everywhere,
    run: async ({ user, session, input }) => {
      const db = getDb();
      const keep = input.includeThis === "yes" ? null : session.id;
      const ended = await revokeAllUserSessions(db, { userId: user.id, keep });
      await recordAudit(db, {
        actorUserId: user.id,
        action: "user.signed_out_everywhere",
        target: user.id,
        data: { ended, keptThisOne: keep !== null },
      });
      if (!keep) await signOut({ redirect: false });
      return ok({ ended, signedOut: !keep });
    },
    revalidate: () => ["/account/sessions"],
    redirectTo: (_input, data) => (data.signedOut ? "/sign-in" : "/account/sessions"),
  }),
};
