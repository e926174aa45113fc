import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { markAllRead, markRead, saveLowBalanceThreshold } from "@/db/queries/notifications";
import { businessSpec, userSpec } from "@/lib/actions/execute";
import { fail, ok } from "@/lib/errors";
import { balanceCurrencyFor } from "@/lib/funding-model";
import { parseMoney } from "@/lib/money";

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
