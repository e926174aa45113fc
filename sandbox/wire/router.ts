import type { Field, Mode } from "./schema";
import type { Ctx } from "./context";

export type Method = "GET" | "POST" | "DELETE";

export type Route = {
  method: Method;
  /** e.g. `/v1/accounts/:id`; the `/v1` or `/v2` prefix picks the wire rules. */
  path: string;
  /** Accepted parameters (body for POST, query for GET/DELETE); `expand`/`include` are added for you. */
  params?: Record<string, Field>;
  /** v2 values accepted in `include[]`; omit for endpoints without include. */
  include?: readonly string[];
  /** Synchronous on purpose: reads, checks and writes happen in one tick, so a change set is never interleaved. */
  handler: (ctx: Ctx) => unknown;
  /** Platform-only endpoints (e.g. /v1/accounts) refuse `Stripe-Account`. */
  platformOnly?: boolean;
};

type Compiled = Route & { mode: Mode; segments: string[] };

/** Maps method + path to routes; resources register themselves here. */
export class Router {
  private routes: Compiled[] = [];

  add(...routes: Route[]): void {
    for (const r of routes) {
      this.routes.push({ ...r, mode: r.path.startsWith("/v2") ? "v2" : "v1", segments: r.path.split("/").filter(Boolean) });
    }
  }

  match(method: string, pathname: string): { route: Compiled; path: Record<string, string> } | null {
    const parts = pathname.split("/").filter(Boolean);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const path: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = route.segments[i] ?? "";
        const part = parts[i] ?? "";
        if (seg.startsWith(":")) path[seg.slice(1)] = decodeURIComponent(part);
        else if (seg !== part) {
          ok = false;
          break;
        }
      }
      if (ok) return { route, path };
    }
    return null;
  }
}
