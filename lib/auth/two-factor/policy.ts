import type { User } from "@/db/schema";
import type { BusinessRole } from "@/lib/auth/permissions";
import { requireTwoFactor } from "@/lib/config";

/**
 * Whether this person must sign in with a second factor. Only when REQUIRE_2FA is on (the default
 * in stripe mode): then platform admins and business owners. Off in the sandbox by default so the
 * demo admin (and the browser tests signing in as it) keep a password-only sign-in.
 */
export function twoFactorRequired(
  user: Pick<User, "platformRole">,
  memberships: ReadonlyArray<{ role: BusinessRole }>,
): boolean {
  if (!requireTwoFactor()) return false;
  return user.platformRole === "platform_admin" || memberships.some((m) => m.role === "owner");
}

/** Required but not set up yet: business and platform pages send them to enrol first. */
export function mustEnrol(viewer: {
  user: Pick<User, "platformRole" | "totpEnabledAt">;
  memberships: ReadonlyArray<{ role: BusinessRole }>;
}): boolean {
  return !viewer.user.totpEnabledAt && twoFactorRequired(viewer.user, viewer.memberships);
}

export const ENROL_FIRST_MESSAGE =
  "Your role requires two-factor sign-in: set it up at /account/two-factor before you continue";

/**
 * For route handlers (CSV exports and the like), which no page guard covers: a 403 telling a
 * viewer who must enrol to do so first, or null when they may go on.
 */
export function enrolFirstResponse(viewer: Parameters<typeof mustEnrol>[0] | null): Response | null {
  return viewer && mustEnrol(viewer) ? new Response(`${ENROL_FIRST_MESSAGE}\n`, { status: 403 }) : null;
}
