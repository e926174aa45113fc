import { getDb } from "@/db";
import { handleThinEvent } from "@/lib/events/receive-thin";
import { receiverRoute } from "@/lib/events/receiver-route";
import { RECEIVERS } from "@/lib/events/receivers";
import { getStripe } from "@/lib/stripe/client";

export const dynamic = "force-dynamic";

/** The thin event destination: v2 event notifications, signed with STRIPE_THIN_WEBHOOK_SECRET. */
export const POST = receiverRoute(RECEIVERS.thin, (secret, raw, signature) =>
  handleThinEvent({ db: getDb(), stripe: getStripe(), secret }, raw, signature),
);
