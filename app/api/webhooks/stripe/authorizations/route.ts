import { getDb } from "@/db";
import { handleAuthorizationRequest } from "@/lib/events/receive-authorization";
import { receiverRoute } from "@/lib/events/receiver-route";
import { RECEIVERS } from "@/lib/events/receivers";
import { rulesCache } from "@/lib/rules/rules-store";
import { getStripe } from "@/lib/stripe/client";

export const dynamic = "force-dynamic";

/** Stripe's real-time authorization endpoint (Issuing settings): `issuing_authorization.request` → `{approved}`, signed with STRIPE_AUTHORIZATION_SECRET. */
export const POST = receiverRoute(RECEIVERS.authorizations, (secret, raw, signature) =>
  handleAuthorizationRequest({ db: getDb(), stripe: getStripe(), secret, rules: rulesCache() }, raw, signature),
);
