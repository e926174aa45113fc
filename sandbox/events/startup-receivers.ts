import type { Kernel } from "../kernel";
import type { StartupReceiver } from "../config";
import { systemCtx } from "../wire/system-ctx";
import { contract } from "../contract";
import { setAuthorizationEndpoint } from "../resources/issuing/rta";
import type { DestinationExtra, EndpointExtra } from "./bus";
import { declaredEventTypes, DESTINATIONS, newSigningSecret, type StoredDestination } from "./destinations";

export type StartupReceivers = { rta?: StartupReceiver; snapshot?: StartupReceiver; thin?: StartupReceiver };

/**
 * Registers (or updates, or removes) the receivers given at start-up, as a platform would set
 * them up in Stripe: the real-time authorization endpoint (Issuing settings), a snapshot event
 * destination and a thin event destination, each with its own secret, both taking events from
 * the platform and its connected accounts for every event type the SDK declares for their payload
 * (the real-time request goes to the authorization endpoint only). Destination ids and generated
 * secrets stay the same across restarts; a receiver whose flag is gone is removed.
 */
export async function syncStartupReceivers(kernel: Kernel, receivers: StartupReceivers): Promise<void> {
  const { ctx, commit } = systemCtx(kernel, kernel.store.begin());
  // Before the three receivers, one v1 endpoint took every event: remove it from older data.
  for (const [id, row] of kernel.store.rows("webhook_endpoints")) {
    if ((row.extra as (EndpointExtra & { startup?: boolean }) | undefined)?.startup)
      ctx.tx.delete("webhook_endpoints", id);
  }
  for (const payload of ["snapshot", "thin"] as const) {
    const wanted = receivers[payload];
    let existing: { id: string; data: StoredDestination; extra: DestinationExtra } | null = null;
    for (const [id, row] of kernel.store.rows<StoredDestination>(DESTINATIONS)) {
      const extra = row.extra as DestinationExtra | undefined;
      if (extra?.startup === payload) existing = { id, data: row.data, extra };
    }
    if (!wanted) {
      if (existing) ctx.tx.delete(DESTINATIONS, existing.id);
      continue;
    }
    const now = new Date(ctx.nowMs).toISOString();
    const events = [...declaredEventTypes(payload)].filter((t) => t !== "issuing_authorization.request").sort();
    const data: StoredDestination = {
      id: existing?.id ?? ctx.id("ed_test", 48),
      object: "v2.core.event_destination",
      created: existing?.data.created ?? now,
      description: "Registered at sandbox start-up",
      enabled_events: events,
      event_payload: payload,
      events_from: ["self", "other_accounts"],
      livemode: false,
      metadata: {},
      name: `Start-up ${payload} destination`,
      // The app reads v1 objects at the SDK's pinned version, so its destination renders them there.
      ...(payload === "snapshot" ? { snapshot_api_version: contract().sdk.v1.api } : {}),
      status: "enabled",
      type: "webhook_endpoint",
      updated: now,
      webhook_endpoint: { url: wanted.url },
    };
    const extra: DestinationExtra = {
      secret: wanted.secret ?? existing?.extra.secret ?? newSigningSecret(ctx.tx),
      startup: payload,
    };
    ctx.tx.put<StoredDestination>(DESTINATIONS, data.id, { owner: kernel.platformId(), data, extra });
  }
  if (receivers.rta) setAuthorizationEndpoint(kernel.config, receivers.rta.url, receivers.rta.secret);
  await commit();
}

/** The start-up receivers as registered now, secrets included (`GET /_sandbox/receivers`, sandbox only). */
export function startupReceivers(kernel: Kernel): Record<string, unknown> {
  const out: Record<string, unknown> = {
    rta: kernel.config.rtaUrl ? { url: kernel.config.rtaUrl, secret: kernel.config.rtaSecret } : null,
    snapshot: null,
    thin: null,
  };
  for (const [id, row] of kernel.store.rows<StoredDestination>(DESTINATIONS)) {
    const extra = row.extra as DestinationExtra | undefined;
    if (extra?.startup)
      out[extra.startup] = { id, url: row.data.webhook_endpoint.url, secret: extra.secret, status: row.data.status };
  }
  return out;
}
