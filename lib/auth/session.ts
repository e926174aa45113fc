import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db";
import { membershipsOf } from "@/db/queries/memberships";
import { liveUserSession, touchUserSession } from "@/db/queries/user-sessions";
import { getUser } from "@/db/queries/users";
import type { Business, User, UserSession } from "@/db/schema";
import { ACTIVE_BUSINESS_COOKIE } from "./active-business";
import { auth } from "./auth";
import { can, type BusinessRole, type Permission } from "./permissions";
import { mustEnrol } from "./two-factor/policy";

export type Viewer = {
  user: User;
  /** This browser's session row (when it was last proven, for step-up). */
  session: UserSession;
  memberships: Array<{ business: Business; role: BusinessRole; cardholderId: string | null }>;
};
/** `cardholderId`: the Issuing cardholder a `cardholder` member is (null for other roles). */
export type BusinessContext = { user: User; business: Business; role: BusinessRole; cardholderId: string | null };

const SEEN_EVERY_MS = 60_000;

/**
 * The signed-in user, re-read from the database once per request (null when signed out). A
 * cookie whose session row was revoked (signed out everywhere, password changed, 2FA reset) is
 * signed out from the next request on, whatever the JWT's own expiry says.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.user?.sessionId;
  if (!userId || !sessionId) return null;
  const db = getDb();
  const [user, live] = await Promise.all([getUser(db, { userId }), liveUserSession(db, { userId, sessionId })]);
  if (!user || !live) return null;
  const now = new Date();
  if (now.getTime() - live.lastSeenAt.getTime() > SEEN_EVERY_MS) await touchUserSession(db, { sessionId, now });
  return { user, session: live, memberships: await membershipsOf(db, { userId: user.id }) };
});

/** The business the viewer is working in: the one chosen by cookie if they belong to it, else their first. */
export async function resolveBusinessContext(viewer: Viewer): Promise<BusinessContext | null> {
  if (viewer.memberships.length === 0) return null;
  const chosen = (await cookies()).get(ACTIVE_BUSINESS_COOKIE)?.value;
  const match = viewer.memberships.find((m) => m.business.id === chosen) ?? viewer.memberships[0];
  return match
    ? { user: viewer.user, business: match.business, role: match.role, cardholderId: match.cardholderId }
    : null;
}

/**
 * The viewer, or off to sign in. A browser still holding the cookie of an ended session goes
 * through `/session-ended`, which clears it (a page can't), or it would bounce between sign-in
 * (which sends signed-in cookies home) and home.
 */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect((await auth()) ? "/session-ended" : "/sign-in");
  return viewer;
}

/** For pages: a business user with `permission`, or the 403 page. */
export async function requireBusinessPage(permission: Permission): Promise<BusinessContext | null> {
  const viewer = await requireViewer();
  if (mustEnrol(viewer)) redirect("/account/two-factor");
  if (viewer.user.platformRole) forbidden();
  const ctx = await resolveBusinessContext(viewer);
  if (ctx && !can(ctx.role, permission)) forbidden();
  return ctx;
}

/**
 * For the cardholder's pages: a member with `cards.own` and the Issuing cardholder they are, or the
 * 403 page (owners, admins and members manage cards on the business's pages instead).
 */
export async function requireCardholderPage(): Promise<BusinessContext & { cardholderId: string }> {
  const viewer = await requireViewer();
  if (mustEnrol(viewer)) redirect("/account/two-factor");
  if (viewer.user.platformRole) forbidden();
  const ctx = await resolveBusinessContext(viewer);
  if (!ctx || !can(ctx.role, "cards.own") || !ctx.cardholderId) forbidden();
  return { ...ctx, cardholderId: ctx.cardholderId };
}

/** For pages: a platform admin with `permission`, or the 403 page. */
export async function requirePlatformPage(permission: Permission): Promise<User> {
  const viewer = await requireViewer();
  if (mustEnrol(viewer)) redirect("/account/two-factor");
  if (!can(viewer.user.platformRole, permission)) forbidden();
  return viewer.user;
}
