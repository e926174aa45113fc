import type { Ctx } from "../wire/context";
import type { Row } from "../store/store";
import { PLATFORM_DEFAULT_API_VERSION } from "../contract/versions";

/** Hidden state of a v1 webhook endpoint (`we_…`): its signing secret and whether it is a Connect endpoint. */
export type EndpointExtra = { secret: string; connect: boolean };
/** Hidden state of a v2 event destination (`ed_…`): its signing secret; `startup` marks the ones the start-up flags own. */
export type DestinationExtra = { secret: string; startup?: "snapshot" | "thin" };
/** `endpoint_id` is a v1 webhook endpoint (`we_…`) or an event destination (`ed_…`); `kind` is the payload style. */
export type Delivery = {
  event_id: string;
  endpoint_id: string;
  kind: "v1" | "v2";
  attempts: number;
  next_ms: number;
  first_ms: number;
};
export type ThinEvent = {
  id: string;
  object: "v2.core.event";
  type: string;
  created: string;
  livemode: false;
  context?: string;
  related_object?: { id: string; type: string; url: string };
  /** Absent when no API request caused the event; `request` only with the key the request carried (the SDK types it a string). */
  reason?: { type: "request"; request?: { id: string; idempotency_key: string } };
  /** Only the event types whose SDK type has `data` carry it (e.g. `updated_capability`). */
  data?: Record<string, unknown>;
  changes?: Record<string, unknown>;
};

type Destination = { status?: string; enabled_events?: string[]; event_payload?: string; events_from?: string[] };

/**
 * Who receives an event, as Stripe routes them. `from` is the connected account it happened
 * on, or null for the platform's own. v1 (snapshot) events go to v1 webhook endpoints (a Connect
 * endpoint gets connected accounts' events, an account endpoint its owner's own) and to snapshot
 * event destinations; v2 (thin) events go to thin event destinations only. A destination's
 * `events_from` says whose events it wants: `self` (its owner's) and/or `other_accounts`
 * (the accounts connected to its owner).
 */
function matchingEndpoints(ctx: Ctx, type: string, from: string | null, kind: "v1" | "v2"): string[] {
  const platform = ctx.platform;
  const source = from ?? platform;
  const ids: string[] = [];
  if (kind === "v1") {
    for (const [id, row] of ctx.kernel.store.rows("webhook_endpoints")) {
      const data = row.data as { status?: string; enabled_events?: string[] };
      const extra = row.extra as EndpointExtra | undefined;
      if (data.status !== "enabled" || !extra) continue;
      const wanted = extra.connect === true ? row.owner === platform && from !== null : row.owner === source;
      const events = data.enabled_events ?? [];
      if (wanted && (events.includes("*") || events.includes(type))) ids.push(id);
    }
  }
  for (const [id, row] of ctx.kernel.store.rows("event_destinations")) {
    const data = row.data as Destination;
    if (data.status !== "enabled" || !row.extra) continue;
    if (data.event_payload !== (kind === "v1" ? "snapshot" : "thin")) continue;
    const scopes = data.events_from ?? ["self"];
    const wanted =
      (scopes.includes("self") && row.owner === source) ||
      (scopes.includes("other_accounts") && row.owner === platform && from !== null);
    if (wanted && (data.enabled_events ?? []).includes(type)) ids.push(id);
  }
  return ids;
}

function queue(ctx: Ctx, eventId: string, endpoints: string[], kind: "v1" | "v2"): void {
  const now = Date.now();
  for (const endpoint of endpoints) {
    const d: Delivery = { event_id: eventId, endpoint_id: endpoint, kind, attempts: 0, next_ms: now, first_ms: now };
    ctx.tx.put<Delivery>("deliveries", `${eventId}:${endpoint}`, { owner: ctx.platform, data: d });
  }
}

/**
 * Records a v1 snapshot event in the request's change set and queues one delivery per
 * matching endpoint, so the event and its deliveries become durable together.
 * `account` marks events that happened on a connected account.
 */
export function emitEvent(
  ctx: Ctx,
  type: string,
  object: Record<string, unknown>,
  opts: {
    account?: string | null;
    previous_attributes?: Record<string, unknown> | null;
    id?: string;
    deliver?: boolean;
  } = {},
): string {
  const account = opts.account ?? (ctx.isConnected ? ctx.account : null);
  // `deliver: false` records an event that was already sent another way (the synchronous RTA request).
  const endpoints = opts.deliver === false ? [] : matchingEndpoints(ctx, type, account, "v1");
  const id = opts.id ?? ctx.id("evt");
  const data: Record<string, unknown> = { object: structuredClone(object) };
  if (opts.previous_attributes) data.previous_attributes = opts.previous_attributes;
  const event: Record<string, unknown> = {
    id,
    object: "event",
    ...(account ? { account } : {}),
    // Rendered at the platform's default version, whatever version the request that caused it used
    // (an endpoint with its own api_version gets that one at delivery).
    api_version: PLATFORM_DEFAULT_API_VERSION,
    created: ctx.now,
    data,
    livemode: false,
    pending_webhooks: endpoints.length,
    request: { id: ctx.request.id, idempotency_key: ctx.request.idempotency_key },
    type,
  };
  ctx.tx.put("events", id, { owner: account ?? ctx.platform, data: event } satisfies Row);
  queue(ctx, id, endpoints, "v1");
  return id;
}

/** Records a v2 thin event (`v2.core.event`) about a v2 object and queues its deliveries (to thin event destinations). */
export function emitThinEvent(
  ctx: Ctx,
  type: string,
  related: { id: string; type: string; url: string },
  opts: { context?: string | null; data?: Record<string, unknown>; to?: string[] } = {},
): string {
  const context = opts.context ?? (ctx.isConnected ? ctx.account : null);
  // `to` names the destinations outright (a ping goes to the one destination pinged).
  const endpoints = opts.to ?? matchingEndpoints(ctx, type, context, "v2");
  const id = `evt_test_${ctx.id("x", 40).slice(2)}`;
  const event: ThinEvent = {
    id,
    object: "v2.core.event",
    type,
    created: new Date(ctx.nowMs).toISOString(),
    livemode: false,
    ...(context ? { context } : {}),
    related_object: related,
    ...(ctx.request.id
      ? {
          reason: {
            type: "request",
            ...(ctx.request.idempotency_key
              ? { request: { id: ctx.request.id, idempotency_key: ctx.request.idempotency_key } }
              : {}),
          },
        }
      : {}),
    ...(opts.data ? { data: opts.data } : {}),
  };
  ctx.tx.put<ThinEvent>("v2_events", id, { owner: context ?? ctx.platform, data: event });
  queue(ctx, id, endpoints, "v2");
  return id;
}

/** The thin payload delivered to endpoints: the event without `data`/`changes`. */
export function thinPayload(event: ThinEvent): Record<string, unknown> {
  const { data: _data, changes: _changes, ...thin } = event;
  void _data;
  void _changes;
  return thin;
}
