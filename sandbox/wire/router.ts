import { endpointFor } from "../contract";
import type { Endpoint } from "../contract/types";
import type { Ctx } from "./context";

export type Method = "GET" | "POST" | "DELETE";

export type Route = {
  method: Method;
  /** e.g. `/v1/accounts/:id`; the `/v1` or `/v2` prefix picks the wire rules. Its parameters come from the contract. */
  path: string;
  /** Synchronous on purpose: reads, checks and writes happen in one tick, so a change set is never interleaved. */
  handler: (ctx: Ctx) => unknown;
  /** Platform-only endpoints (e.g. /v1/accounts) refuse `Stripe-Account`. */
  platformOnly?: boolean;
};

export type Compiled = Route & { mode: "v1" | "v2"; segments: string[]; key: string; endpoint: Endpoint };

/** Maps method + path to routes; resources register themselves here. */
export class Router {
  private routes: Compiled[] = [];

  /** `lookup` is replaced only by the contract generator, which lists routes before their contract exists. */
  constructor(private readonly lookup: (method: string, path: string) => Endpoint | undefined = endpointFor) {}

  /** Every route must be one an SDK (or the preview table) declares: its parameters are that declaration. */
  add(...routes: Route[]): void {
    for (const r of routes) {
      const endpoint = this.lookup(r.method, r.path);
      if (!endpoint) throw new Error(`${r.method} ${r.path}: no SDK or preview-table declaration (sandbox/contract)`);
      const key = `${r.method} ${r.path.replace(/:[^/]+/g, "{}")}`;
      this.routes.push({
        ...r,
        mode: r.path.startsWith("/v2") ? "v2" : "v1",
        segments: r.path.split("/").filter(Boolean),
        key,
        endpoint,
      });
    }
  }

  list(): readonly Compiled[] {
    return this.routes;
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
