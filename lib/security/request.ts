/**
 * Small request checks shared by the proxy and server actions. Pure functions of the request's
 * headers (and the environment), so they are unit-tested without a server.
 */

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
