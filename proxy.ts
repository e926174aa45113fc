import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { homePathFor } from "@/lib/auth/permissions";

const { auth } = NextAuth(authConfig);
const AUTH_PAGES = new Set(["/sign-in", "/sign-up"]);

/**
 * Routing only: signed-out users go to sign-in, signed-in users leave the auth pages for their
 * home. Authorization itself is enforced again in every layout and action.
 */
export default auth((req) => {
  const { pathname, search } = req.nextUrl;
  const user = req.auth?.user;
  if (!user) {
    if (AUTH_PAGES.has(pathname)) return NextResponse.next();
    const url = new URL("/sign-in", req.nextUrl);
    if (pathname !== "/") url.searchParams.set("next", pathname + search);
    return NextResponse.redirect(url);
  }
  if (AUTH_PAGES.has(pathname) || pathname === "/") {
    return NextResponse.redirect(new URL(homePathFor({ platformRole: user.platformRole ?? null }), req.nextUrl));
  }
  return NextResponse.next();
});

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|ico|webp|txt)$).*)"],
};
