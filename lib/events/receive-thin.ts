import type Stripe from "stripe";
import { provisionOnActivation } from "@/lib/businesses/provision";
import { applyThinEvent, fetchThinObject } from "./apply-v2";
import { verifiedDelivery, storeOnce, wrongReceiver, type ReceiverDeps, type WebhookResult } from "./ingest";

function thinRow(note: Stripe.V2.Core.EventNotification, rawBody: string, now: Date) {
  const n = note as unknown as {
    id: string;
    type: string;
    created: string;
    context?: unknown;
    related_object?: { id?: string } | null;
  };
  return {
    id: n.id,
    type: n.type,
    kind: "thin" as const,
    account: n.context ? String(n.context) : null,
    objectId: n.related_object?.id ?? null,
    eventCreatedAt: new Date(n.created),
    payload: JSON.parse(rawBody) as Record<string, unknown>,
    receivedAt: now,
    appliedAt: now,
  };
}

/**
 * The thin event destination's receiver: v2 event notifications (`object: "v2.core.event"`),
 * parsed and verified with `stripe.parseEventNotification` and STRIPE_THIN_WEBHOOK_SECRET. The
 * object each one points at is fetched (outside the transaction), then the event is stored once
 * and applied.
 */
export async function handleThinEvent(
  deps: ReceiverDeps,
  rawBody: string,
  signature: string | null,
): Promise<WebhookResult> {
  const checked = verifiedDelivery(deps, rawBody, signature);
  if ("refused" in checked) return checked.refused;
  const { peek, signature: header } = checked;
  if (peek.object !== "v2.core.event")
    return wrongReceiver("thin (v2) event notifications; v1 events go to the snapshot event destination");
  const note = deps.stripe.parseEventNotification(rawBody, header, deps.secret);
  const now = deps.now?.() ?? new Date();
  return storeOnce(
    deps.db,
    thinRow(note, rawBody, now),
    async () => {
      const fetched = await fetchThinObject(deps.stripe, note);
      // A v2 account's activation (its storer holding USDC) is reported by its events: set up what it allows.
      if (fetched.related?.object === "v2.core.account") {
        await provisionOnActivation(deps.db, deps.stripe, String(fetched.related.id));
      }
      return fetched;
    },
    (tx, fetched) => applyThinEvent(tx, note, fetched),
  );
}
