import { once } from "node:events";
import { request, type IncomingMessage } from "node:http";
import { text } from "node:stream/consumers";
import Stripe from "stripe";

// Real SDK clients (never a stand-in for Stripe): one that reaches nothing, a recorder of what a
// client sends, and a connection that loses an answer from the sandbox.

/** A client that reaches no Stripe at all: for tests whose code must not call Stripe (a call fails loudly). */
export function unreachableStripe(): Stripe {
  return new Stripe("sk_test_unreachable", { host: "127.0.0.1", port: 9, protocol: "http", maxNetworkRetries: 0 });
}

export type SentRequest = { method: string; path: string; idempotencyKey?: string };

/** Every request a Stripe client sends (the SDK's own `request` event) until `stop()`. */
export function recordRequests(stripe: Stripe): { calls: SentRequest[]; stop(): void } {
  const calls: SentRequest[] = [];
  const listener = (e: Stripe.RequestEvent) =>
    calls.push({ method: e.method, path: e.path, idempotencyKey: e.idempotency_key });
  stripe.on("request", listener);
  return { calls, stop: () => stripe.off("request", listener) };
}

/**
 * The connection of a request that Stripe receives but whose answer never comes back, for a
 * client of the real sandbox (`httpClient` of `sandboxClient`): the SDK's own HTTP client, except
 * that the first request `holds(method, path)` picks is held mid-upload. The sandbox has its
 * headers, so it holds the idempotency key as Stripe does while a request is in flight, but not
 * its body until `release()`; then the sandbox does the work and the answer is dropped (the SDK
 * sees a timeout). `lostAnswer` is what the sandbox said.
 */
export function droppedAnswer(holds: (method: string, path: string) => boolean) {
  const sdk = Stripe.createNodeHttpClient();
  let reached!: () => void;
  let release!: () => void;
  const state = {
    reached: new Promise<void>((r) => (reached = r)),
    released: new Promise<void>((r) => (release = r)),
    lostAnswer: null as Record<string, unknown> | null,
  };
  let armed = true;
  const send = async (host: string, port: string, path: string, method: string, headers: object, body: string) => {
    const req = request({ host, port, path, method, headers: { ...headers, expect: "100-continue" } });
    const answered = once(req, "response") as Promise<[IncomingMessage]>;
    // The sandbox answers 100 Continue once it has the headers and holds the key.
    req.once("continue", reached);
    req.flushHeaders();
    await state.released;
    req.end(body);
    const [res] = await answered;
    state.lostAnswer = JSON.parse(await text(res)) as Record<string, unknown>;
    // A timeout, not a closed connection: the SDK retries the latter once, and the retry would get the replay.
    throw Stripe.HttpClient.makeTimeoutError();
  };
  const httpClient = new Proxy(sdk, {
    get(target, prop, receiver) {
      if (prop !== "makeRequest") return Reflect.get(target, prop, receiver) as unknown;
      return (...args: Parameters<typeof sdk.makeRequest>) => {
        const [host, port, path, method, headers, body] = args;
        if (!armed || !holds(method, path)) return target.makeRequest(...args);
        armed = false;
        return send(host, port, path, method, headers, body);
      };
    },
  });
  return Object.assign(state, { httpClient, release });
}
