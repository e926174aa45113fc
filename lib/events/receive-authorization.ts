import type Stripe from "stripe";
import { answerAuthorizationRequest } from "@/lib/rules/authorize";
import type { RulesCache } from "@/lib/rules/rules-store";
import { reply, verifiedDelivery, wrongReceiver, type ReceiverDeps, type WebhookResult } from "./ingest";
import { V1_API_VERSION } from "./receivers";

export type AuthorizationDeps = ReceiverDeps & { rules: RulesCache };

/**
 * The real-time authorization endpoint (set in Stripe's Issuing settings): answers
 * `issuing_authorization.request`, verified with STRIPE_AUTHORIZATION_SECRET, with
 * `{approved}` and the `Stripe-Version` header Stripe requires, decided by the rules engine well
 * inside Stripe's 2 s. It takes nothing else. Stripe never retries a request: its stand-in
 * decision applies when there is no answer in time.
 */
export async function handleAuthorizationRequest(
  deps: AuthorizationDeps,
  rawBody: string,
  signature: string | null,
): Promise<WebhookResult> {
  const checked = verifiedDelivery(deps, rawBody, signature);
  if ("refused" in checked) return checked.refused;
  const { peek } = checked;
  if (peek.object !== "event" || peek.type !== "issuing_authorization.request")
    return wrongReceiver("real-time authorization requests (issuing_authorization.request)");
  // Verified above by the SDK's signature check and already parsed: no second pass on Stripe's 2 s clock.
  const event = peek as Stripe.Event;
  try {
    const answer = await answerAuthorizationRequest(deps.db, deps.rules, event, { now: deps.now?.() ?? new Date() });
    return reply(200, { approved: answer.approved }, { "Stripe-Version": event.api_version ?? V1_API_VERSION });
  } catch (err) {
    console.error("real-time authorization request not answered", err);
    return reply(503, { error: "Temporarily unavailable" });
  }
}
