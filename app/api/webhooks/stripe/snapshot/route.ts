import { getDb } from "@/db";
import { handleSnapshotEvent } from "@/lib/events/receive-snapshot";
import { receiverRoute } from "@/lib/events/receiver-route";
import { RECEIVERS } from "@/lib/events/receivers";
import { getStripe } from "@/lib/stripe/client";

export const dynamic = "force-dynamic";

/** The snapshot event destination: v1 events of the platform and its connected accounts, signed with STRIPE_SNAPSHOT_WEBHOOK_SECRET. */
export const POST = receiverRoute(RECEIVERS.snapshot, (secret, raw, signature) =>
  handleSnapshotEvent({ db: getDb(), stripe: getStripe(), secret }, raw, signature),
);
