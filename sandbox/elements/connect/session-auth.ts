import type { IncomingMessage } from "node:http";
import type { Kernel } from "../../kernel";
import { SESSIONS, type SessionState } from "../../resources/account-sessions";
import { ApiError } from "../../wire/errors";

/** A permission: a component that must be enabled, and optionally one of its features. */
export type Grant = readonly [component: string, feature?: string];

/** The client secret from `Authorization: Bearer accs_secret__…`, checked against the stored session. */
export function sessionFor(kernel: Kernel, req: IncomingMessage): SessionState {
  const auth = String(req.headers.authorization ?? "");
  const secret = /^bearer /i.test(auth) ? auth.slice(7).trim() : "";
  if (!secret.startsWith("accs_secret__")) {
    throw new ApiError(401, {
      type: "authentication_error",
      message: "Pass the Account Session's client secret as `Authorization: Bearer accs_secret__…`.",
    });
  }
  const row = kernel.store.get<SessionState>(SESSIONS, secret);
  if (!row)
    throw new ApiError(401, {
      type: "authentication_error",
      code: "account_session_invalid",
      message: "This Account Session client secret is not valid.",
    });
  // Stripe's sessions last an hour; afterwards connect.js must fetch a new client secret.
  if (kernel.clock.now() >= row.data.expires_at) {
    throw new ApiError(401, {
      type: "authentication_error",
      code: "account_session_expired",
      message: "This Account Session has expired. Fetch a new client secret.",
    });
  }
  return row.data;
}

export function allows(session: SessionState, grant: Grant): boolean {
  const [component, feature] = grant;
  const c = session.components[component];
  if (!c?.enabled) return false;
  return feature === undefined || c.features[feature] === true;
}

/** Refuses (403) unless one of the grants holds: the server, not only the page, enforces features. */
export function requireGrant(session: SessionState, grants: readonly Grant[]): void {
  if (grants.some((g) => allows(session, g))) return;
  const wanted = grants.map(([c, f]) => (f ? `\`${c}\` with the \`${f}\` feature` : `\`${c}\``)).join(" or ");
  throw new ApiError(403, {
    type: "permission_error",
    code: "component_not_enabled",
    message: `This Account Session does not allow this action: it needs ${wanted} enabled.`,
  });
}

/** The enabled components and their features, for the page to decide what to show. */
export function publicSession(session: SessionState): Record<string, unknown> {
  const components: Record<string, { features: Record<string, boolean> }> = {};
  for (const [name, c] of Object.entries(session.components))
    if (c.enabled) components[name] = { features: c.features };
  return { account: session.account, expires_at: session.expires_at, components };
}
