import type Stripe from "stripe";
import type { Kernel } from "../kernel";
import { systemCtx } from "../wire/system-ctx";
import type { EndpointExtra } from "./bus";

/**
 * Registers (or updates, or removes) the endpoint given by SANDBOX_WEBHOOK_URL /
 * --webhook-url: one endpoint that receives both Connect and platform events, all types,
 * signed with the given secret. Its id stays the same across restarts.
 */
export async function syncStartupEndpoint(kernel: Kernel, url: string | undefined, secret: string | undefined): Promise<string | null> {
  const { ctx, commit } = systemCtx(kernel, kernel.store.begin());
  let existing: [string, Stripe.WebhookEndpoint] | null = null;
  for (const [id, row] of kernel.store.rows<Stripe.WebhookEndpoint>("webhook_endpoints")) {
    if ((row.extra as EndpointExtra | undefined)?.startup) existing = [id, row.data];
  }
  if (!url) {
    if (existing) ctx.tx.delete("webhook_endpoints", existing[0]);
    await commit();
    return null;
  }
  if (!secret) throw new Error("a webhook URL needs a signing secret (STRIPE_WEBHOOK_SECRET or --webhook-secret)");
  const id = existing?.[0] ?? ctx.id("we");
  const endpoint: Stripe.WebhookEndpoint = {
    id,
    object: "webhook_endpoint",
    api_version: null,
    application: null,
    created: existing?.[1].created ?? ctx.now,
    description: "Registered at sandbox start-up",
    enabled_events: ["*"],
    livemode: false,
    metadata: {},
    status: "enabled",
    url,
  };
  const extra: EndpointExtra = { secret, connect: "both", startup: true };
  ctx.tx.put("webhook_endpoints", id, { owner: kernel.platformId(), data: endpoint, extra });
  await commit();
  return id;
}
