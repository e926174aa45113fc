import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { checkObject, listNode } from "../check";
import { contract } from "../index";
import type { Node } from "../types";
import type { Router } from "../../wire/router";
import { sdk } from "../../test-helpers";

/** One HTTP exchange the SDK made, as it went over the wire. */
export type Call = { method: string; path: string; status: number; body: string };

/** An SDK whose every request and raw answer is recorded (the SDK's own fetch client, wrapped). */
export function recordingSdk(port: number, calls: Call[], config: Stripe.StripeConfig = {}): Stripe {
  const recording = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const res = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    calls.push({
      method: (init?.method ?? "GET").toUpperCase(),
      path: url.pathname,
      status: res.status,
      body: await res.clone().text(),
    });
    return res;
  };
  return sdk(port, { httpClient: Stripe.createFetchHttpClient(recording), maxNetworkRetries: 0, ...config });
}

/**
 * A webhook endpoint that keeps every body it is sent and answers real-time authorization
 * requests (`issuing_authorization.request`) with an approval, as Stripe requires: 200, the
 * event's `Stripe-Version`, `{"approved": true}`.
 */
export async function startHookReceiver(): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      bodies.push(body);
      const event = JSON.parse(body) as { type?: string; api_version?: string };
      if (event.type === "issuing_authorization.request")
        res
          .writeHead(200, { "content-type": "application/json", "stripe-version": String(event.api_version) })
          .end(JSON.stringify({ approved: true }));
      else res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    bodies,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

/** One problem; `key` is the checked object (`object:id:content hash`). */
export type Finding = { where: string; object: string; key: string; path: string; message: string };

/** Type-checks what the sandbox sent, counting distinct objects (object + id + content) and endpoints answered 2xx. */
export class Conformance {
  readonly objects = new Set<string>();
  readonly exercised = new Set<string>();
  /** Every endpoint called, with the statuses it answered. */
  readonly attempted = new Map<string, Set<number>>();
  readonly findings: Finding[] = [];
  private readonly checked = new Set<string>();

  check(value: unknown, node: Node, where: string): void {
    const v = value as { object?: unknown; id?: unknown };
    const hash = createHash("sha1").update(JSON.stringify(value)).digest("hex").slice(0, 12);
    const key = `${String(v?.object ?? "?")}:${String(v?.id ?? "")}:${hash}`;
    this.objects.add(key);
    const seen = `${JSON.stringify(node)} ${key}`;
    if (this.checked.has(seen)) return;
    this.checked.add(seen);
    for (const p of checkObject(value, node))
      this.findings.push({ where, object: `${String(v?.object ?? "?")} ${String(v?.id ?? "")}`, key, ...p });
  }

  /** Each recorded /v1 and /v2 answer against its endpoint's `returns`; list pages item by item. */
  checkCalls(router: Router, calls: Call[]): void {
    for (const call of calls) {
      if (!/^\/v[12]\//.test(call.path)) continue;
      const match = router.match(call.method, call.path);
      if (!match) continue;
      const { route } = match;
      this.attempted.set(route.key, (this.attempted.get(route.key) ?? new Set()).add(call.status));
      if (call.status < 200 || call.status >= 300) continue;
      this.exercised.add(route.key);
      const body = JSON.parse(call.body) as { data?: unknown[] };
      const where = `${route.key} (${call.method} ${call.path})`;
      if (route.endpoint.list) {
        for (const p of checkObject(body, listNode({ t: "any" }, route.mode)))
          this.findings.push({ where, object: "list", key: `list:${call.path}`, ...p });
        for (const item of Array.isArray(body.data) ? body.data : []) this.check(item, route.endpoint.returns, where);
      } else this.check(body, route.endpoint.returns, where);
    }
  }

  /** Webhook bodies: v1 snapshot events against `deliveries.snapshot`, v2 thin events against `deliveries.thin`. */
  checkDeliveries(bodies: string[]): { snapshot: number; thin: number } {
    const counts = { snapshot: 0, thin: 0 };
    const { snapshot, thin } = contract().deliveries;
    for (const body of bodies) {
      const event = JSON.parse(body) as { object?: string; context?: unknown };
      if (event.object === "event") {
        counts.snapshot++;
        this.check(event, snapshot, "delivery (v1 snapshot)");
      } else if (event.object === "v2.core.event") {
        counts.thin++;
        // The SDK's type is what `parseEventNotification` returns: it parses the wire's `context`
        // string into a StripeContext (`{segments}`); a context that is not a string stays as sent.
        const parsed =
          typeof event.context === "string" ? { ...event, context: { segments: event.context.split("/") } } : event;
        this.check(parsed, thin, "delivery (v2 thin)");
      } else
        this.findings.push({
          where: "delivery",
          object: String(event.object),
          key: `delivery:${body.slice(0, 40)}`,
          path: "$.object",
          message: "neither a v1 event nor a v2.core.event",
        });
    }
    return counts;
  }

  /** How many distinct objects have at least one finding. */
  failingObjects(): number {
    return new Set(this.findings.map((f) => f.key)).size;
  }

  /** The findings grouped by object kind, path (indices folded) and message, most frequent first. */
  summary(limit = 80): string {
    const groups = new Map<string, { n: number; example: Finding }>();
    for (const f of this.findings) {
      const key = `${f.object.split(" ")[0]} ${f.path.replace(/\[\d+\]/g, "[]")}: ${f.message}`;
      const g = groups.get(key);
      if (g) g.n++;
      else groups.set(key, { n: 1, example: f });
    }
    return [...groups.entries()]
      .sort((a, b) => b[1].n - a[1].n)
      .slice(0, limit)
      .map(([k, g]) => `${String(g.n).padStart(4)} × ${k}   [e.g. ${g.example.where}]`)
      .join("\n");
  }
}
