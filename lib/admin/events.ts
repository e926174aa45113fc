import type Stripe from "stripe";
import { z } from "zod";
import { getEvent, recordReplay } from "@/db/queries/events";
import {
  applySnapshotEvent,
  financialAccountTouched,
  treasuryTransactionTouched,
  type Prefetched,
} from "@/lib/events/apply";
import { applyThinEvent, fetchThinObject } from "@/lib/events/apply-v2";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { mailAfterCommit } from "@/lib/mail/send";
import type { AdminDeps } from "./deps";

export const replaySchema = z.object({ eventId: z.string().min(1).max(255) });

/**
 * Applies a stored event to the read models again (after a fix for the bug that made it fail,
 * say). Safe to repeat: read-model rows only move forward in time. Real-time authorization
 * requests are answers, not state, so they are not replayed.
 */
export async function replayEvent(
  deps: AdminDeps,
  eventId: string,
): Promise<ActionResult<{ applied: boolean; error: string | null }>> {
  const row = await getEvent(deps.db, { eventId });
  if (!row) return fail("not_found");
  if (row.type === "issuing_authorization.request")
    return fail("validation_failed", undefined, "Real-time authorization requests can't be replayed");
  let error: string | null = null;
  try {
    if (row.kind === "thin") {
      const note = row.payload as unknown as Stripe.V2.Core.EventNotification;
      const fetched = await fetchThinObject(deps.stripe, note);
      await mailAfterCommit(deps.db, (tx) => applyThinEvent(tx, note, fetched));
    } else {
      const event = row.payload as unknown as Stripe.Event;
      const prefetched: Prefetched = {};
      const fa = financialAccountTouched(event);
      if (fa && event.account)
        prefetched.financialAccount = await deps.stripe.treasury.financialAccounts.retrieve(
          fa,
          {},
          { stripeAccount: event.account },
        );
      const trxn = treasuryTransactionTouched(event);
      if (trxn && event.account)
        prefetched.transaction = await deps.stripe.treasury.transactions.retrieve(
          trxn,
          {},
          { stripeAccount: event.account },
        );
      await mailAfterCommit(deps.db, (tx) => applySnapshotEvent(tx, event, prefetched));
    }
  } catch (err) {
    console.error(`replay of ${eventId} failed`, err);
    error = String(err instanceof Error ? err.message : err).slice(0, 500);
  }
  await recordReplay(deps.db, { eventId, error });
  return ok({ applied: !error, error });
}
