import type { IncomingMessage, Server } from "node:http";

const INSTALLED = Symbol.for("issuing-console.socket-address");

/** `TRUST_PROXY_HOPS` as a whole number (0 when unset or not a number). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  return Math.max(0, Math.floor(Number(env.TRUST_PROXY_HOPS) || 0));
}

/** With no proxy trusted, a request's X-Forwarded-For becomes the address its socket came from. */
export function replaceForwardedFor(req: Pick<IncomingMessage, "headers" | "socket">): void {
  const address = req.socket?.remoteAddress;
  if (address) req.headers["x-forwarded-for"] = address;
  else delete req.headers["x-forwarded-for"];
}

/**
 * With `TRUST_PROXY_HOPS` 0 nothing in front of the app is trusted, so a client's own
 * X-Forwarded-For must not name its address (Next.js keeps a header a request already has, and
 * fills it from the socket only when absent). Every request the Node server receives has the header
 * replaced by its socket's address before Next.js reads it. Called once from `instrumentation.ts`;
 * requests that arrived while the server was still starting keep their header.
 */
export function installSocketAddress(
  http: { Server: { prototype: Server } },
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (trustedProxyHops(env) > 0) return false;
  const proto = http.Server.prototype as Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return true;
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") replaceForwardedFor(args[0] as IncomingMessage);
    return emit.call(this, event, ...args);
  } as Server["emit"];
  proto[INSTALLED] = true;
  return true;
}
