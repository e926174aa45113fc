import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { recordAudit } from "@/db/queries/audit-log";
import { markAllRead, markRead, saveEmailAlertsOff, saveLowBalanceThreshold } from "@/db/queries/notifications";
import { businessSpec, userSpec } from "@/lib/actions/execute";
import { fail, ok } from "@/lib/errors";
import { balanceCurrencyFor } from "@/lib/funding-model";
import { parseMoney } from "@/lib/money";
import { emailChoicesSchema, kindsOff } from "./email-choices";

/** A person's own notifications (the user comes from the session; another user's id matches nothing). */
export const notificationActions = {
  markRead: userSpec({
    schema: z.object({ notification: z.string().uuid({ error: "That notification could not be found" }) }),
    run: async ({ user, input }) =>
      (await markRead(getDb(), { userId: user.id, id: input.notification }))
        ? ok({ id: input.notification })
        : fail("not_found", undefined, "That notification could not be found"),
    revalidate: () => ["/notifications"],
  }),
  markAllRead: userSpec({
    schema: z.object({}),
    run: async ({ user }) => ok({ count: await markAllRead(getDb(), { userId: user.id }) }),
    revalidate: () => ["/notifications"],
  }),
  /** Which alerts reach the person by email (the ticked kinds); only ever their own row. */
  setEmailChoices: userSpec({
    schema: emailChoicesSchema,
    run: async ({ user, input }) => {
      const off = kindsOff(input.alert);
      // A user action has no audit hook (there may be no business yet): recorded with the change.
      await getDb().transaction(async (tx) => {
        await saveEmailAlertsOff(tx, { userId: user.id, off });
        await recordAudit(tx, {
          actorUserId: user.id,
          action: "user.email_alerts_set",
          target: user.id,
          data: { off },
        });
      });
      return ok({ off });
    },
    revalidate: () => ["/notifications"],
  }),
  /** The owner's low-balance threshold (empty turns the alert off). */
  setThreshold: businessSpec({
    permission: "business.manage",
    schema: z.object({ threshold: z.string().trim().max(30).optional().default("") }),
    run: async ({ actor, business, input }) => {
      let threshold: number | null = null;
      if (input.threshold) {
        const parsed = parseMoney(input.threshold, balanceCurrencyFor(business.country), { allowZero: true });
        if (!parsed.ok) return fail("validation_failed", { threshold: parsed.message });
        threshold = parsed.amount;
      }
      await saveLowBalanceThreshold(getDb(), { businessId: business.id, threshold, userId: actor.userId });
      return ok({ threshold });
    },
    audit: (_input, data) => ({ action: "notifications.threshold_set", data: { threshold: data.threshold } }),
    revalidate: () => ["/notifications"],
    echo: ["threshold"],
  }),
};
