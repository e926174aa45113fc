import type Stripe from "stripe";
import type { Router } from "../wire/router";

import { listV1, listV2, v2Page } from "../wire/list";
import { mergeMetadata, newestFirst, ownedRow } from "../resources/common";
import { randomToken } from "../store/ids";
import { v2NotFound } from "../wire/errors";
import type { EndpointExtra, ThinEvent } from "./bus";
import { registerDestinationRoutes } from "./destinations";

const TABLE = "webhook_endpoints";
/** Webhook endpoints, event destinations and the event log (v1 `/v1/events`, v2 `/v2/core/events`). */
export function registerEventRoutes(router: Router): void {
  registerDestinationRoutes(router);
  router.add(
    {
      method: "POST",
      path: "/v1/webhook_endpoints",
      handler: (ctx) => {
        const p = ctx.params as unknown as Stripe.WebhookEndpointCreateParams & { description?: string | null };
        const id = ctx.id("we");
        const secret = `whsec_${randomToken(ctx.tx, 32)}`;
        const endpoint: Stripe.WebhookEndpoint = {
          id,
          object: "webhook_endpoint",
          api_version: p.api_version ?? null,
          application: null,
          created: ctx.now,
          description: p.description ?? null,
          enabled_events: p.enabled_events as string[],
          livemode: false,
          metadata: mergeMetadata(undefined, p.metadata),
          status: "enabled",
          url: p.url,
        };
        const extra: EndpointExtra = { secret, connect: p.connect === true };
        ctx.tx.put(TABLE, id, { owner: ctx.account, data: endpoint, extra });
        return { ...endpoint, secret }; // the secret is shown once, at creation
      },
    },
    {
      method: "GET",
      path: "/v1/webhook_endpoints/:id",
      handler: (ctx) => ownedRow(ctx, TABLE, ctx.path.id ?? "", "webhook_endpoint").data,
    },
    {
      method: "POST",
      path: "/v1/webhook_endpoints/:id",
      handler: (ctx) => {
        const row = ownedRow<Stripe.WebhookEndpoint>(ctx, TABLE, ctx.path.id ?? "", "webhook_endpoint");
        const p = ctx.params as {
          url?: string;
          enabled_events?: string[];
          disabled?: boolean;
          description?: string | null;
          metadata?: unknown;
        };
        const next: Stripe.WebhookEndpoint = {
          ...row.data,
          url: p.url ?? row.data.url,
          enabled_events: p.enabled_events ?? row.data.enabled_events,
          status: p.disabled === undefined ? row.data.status : p.disabled ? "disabled" : "enabled",
          description: p.description === undefined ? row.data.description : p.description,
          metadata: mergeMetadata(row.data.metadata, p.metadata),
        };
        ctx.tx.put(TABLE, next.id, { ...row, data: next });
        return next;
      },
    },
    {
      method: "DELETE",
      path: "/v1/webhook_endpoints/:id",
      handler: (ctx) => {
        const row = ownedRow(ctx, TABLE, ctx.path.id ?? "", "webhook_endpoint");
        ctx.tx.delete(TABLE, ctx.path.id ?? "");
        return { id: row.data.id, object: "webhook_endpoint", deleted: true };
      },
    },
    {
      method: "GET",
      path: "/v1/webhook_endpoints",
      handler: (ctx) =>
        listV1(
          newestFirst(ctx, TABLE) as Array<{ id: string }>,
          ctx.params,
          "/v1/webhook_endpoints",
          "webhook_endpoint",
        ),
    },
    {
      method: "GET",
      path: "/v1/events/:id",
      handler: (ctx) => ownedRow(ctx, "events", ctx.path.id ?? "", "event").data,
    },
    {
      method: "GET",
      path: "/v1/events",
      handler: (ctx) => {
        const p = ctx.params as { type?: string; types?: string[]; delivery_success?: boolean };
        const matchType = (t: string) => {
          if (p.types) return p.types.includes(t);
          if (!p.type) return true;
          const re = new RegExp(`^${p.type.replace(/[.]/g, "\\.").replace(/\*/g, ".*")}$`);
          return re.test(t);
        };
        const items = newestFirst<{ id: string; type: string; pending_webhooks: number }>(ctx, "events", (r) => {
          if (!matchType(r.data.type)) return false;
          if (p.delivery_success === undefined) return true;
          return p.delivery_success === (r.data.pending_webhooks === 0);
        });
        return listV1(items, ctx.params, "/v1/events", "event");
      },
    },
    {
      method: "GET",
      path: "/v2/core/events/:id",
      handler: (ctx) => {
        const row = ctx.tx.get<ThinEvent>("v2_events", ctx.path.id ?? "");
        if (!row || row.owner !== ctx.account) throw v2NotFound("event", ctx.path.id ?? "");
        return row.data;
      },
    },
    {
      method: "GET",
      path: "/v2/core/events",
      handler: (ctx) => {
        const token = v2Page(ctx.params, ["object_id", "types"]);
        const f = token.filters as { object_id?: string; types?: string[] };
        const items = newestFirst<ThinEvent>(ctx, "v2_events", (r) => {
          if (f.object_id && r.data.related_object?.id !== f.object_id) return false;
          return !f.types || f.types.includes(r.data.type);
        });
        return listV2(items, token, "/v2/core/events");
      },
    },
  );
}
