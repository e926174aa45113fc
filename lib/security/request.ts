/**
 * Small request checks shared by the proxy and server actions. Pure functions of the request's
 * headers (and the environment), so they are unit-tested without a server.
 */

import { trustedProxyHops } from "./socket-address";

type HeaderSource = { get(name: string): string | null };

const first = (value: string | null): string | null => value?.split(",")[0]?.trim() || null;

/**
 * True when a state-changing request names an Origin other than the host it was sent to, the
 * same comparison Next.js makes before running a server action (`x-forwarded-host`, else `host`;
 * no `serverActions.allowedOrigins` are configured). A request without Origin is not a browser's
 * cross-site request (browsers always send it on POST) and is left to Next.js.
 */
export function isCrossOriginWrite(method: string, headers: HeaderSource): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  if (origin === "null") return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const host = first(headers.get("x-forwarded-host")) ?? headers.get("host");
  return !host || originHost.toLowerCase() !== host.toLowerCase();
}

/**
 * Whether the app is served over https for this request, decided as Auth.js decides it for its
 * `__Secure-` cookies: AUTH_URL when set, else the protocol the proxy in front forwarded.
 */
export function servedOverHttps(headers: HeaderSource, env: Record<string, string | undefined> = process.env): boolean {
  const configured = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).protocol === "https:";
    } catch {
      return false;
    }
  }
  return first(headers.get("x-forwarded-proto")) === "https";
}

/**
 * The address a request came from, for throttling and the sessions list. `TRUST_PROXY_HOPS`
 * proxies in front each append one entry to `x-forwarded-for`, and the client's address is the
 * entry that many places from the right (what the nearest trusted proxy saw). With no proxy (0,
 * the default) the server replaces the header with the socket's address before the app reads it
 * (`socket-address.ts`, installed from `instrumentation.ts`), so a client can't name its own;
 * the rightmost entry is then that address.
 */
export function clientAddress(headers: HeaderSource, env: Record<string, string | undefined> = process.env): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = trustedProxyHops(env);
  return entries[Math.max(0, entries.length - 1 - Math.max(0, hops - 1))] ?? "unknown";
}
