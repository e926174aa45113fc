import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { sandboxPublicUrl, stripeMode } from "@/lib/config";
import { contentSecurityPolicy } from "@/lib/csp";
import { malformedActionRequest } from "@/lib/security/action-request";
import { isCrossOriginWrite } from "@/lib/security/request";

const { auth } = NextAuth(authConfig);
const AUTH_PAGES = new Set(["/sign-in", "/sign-up", "/sign-in/verify", "/forgot-password"]);
// Signed-in users change their password on /account; these pages are for the signed out.
const isAuthPage = (pathname: string) => AUTH_PAGES.has(pathname) || pathname.startsWith("/reset-password/");

function withCsp(res: NextResponse, csp: string): NextResponse {
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

/** A server-action POST whose body no browser would send (Next.js would answer it with a 500). */
async function malformedAction(req: NextRequest): Promise<string | null> {
  if (req.method !== "POST" || !req.headers.has("next-action")) return null;
  const type = req.headers.get("content-type");
  const copy = req.clone();
  const body = type?.toLowerCase().startsWith("multipart/form-data")
    ? await copy.formData().catch(() => null)
    : await copy.text().catch(() => null);
  return malformedActionRequest(type, body);
}

/**
 * Routing only: signed-out users go to sign-in, signed-in users leave the auth pages for their
 * home. Authorization itself is enforced again in every layout and action. Every page also gets
 * a fresh CSP nonce, which Next.js applies to its own scripts and the root layout to connect.js.
 * A cross-site POST (a server action or form posted from another origin) is refused here with a
 * plain 403, before Next.js would refuse it with a 500.
 */
export default auth(
  async (req: NextRequest & { auth: { user?: { platformRole?: "platform_admin" | null } } | null }) => {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    const csp = contentSecurityPolicy({
      nonce,
      mode: stripeMode(),
      sandboxPublicUrl: sandboxPublicUrl(),
      dev: process.env.NODE_ENV === "development",
    });
    if (isCrossOriginWrite(req.method, req.headers)) {
      return withCsp(
        new NextResponse("Cross-site request refused.", {
          status: 403,
          headers: { "content-type": "text/plain; charset=utf-8" },
        }),
        csp,
      );
    }
    const malformed = await malformedAction(req);
    if (malformed)
      return withCsp(
        new NextResponse(`Malformed request: ${malformed}.`, {
          status: 400,
          headers: { "content-type": "text/plain; charset=utf-8" },
        }),
        csp,
      );
    const { pathname, search } = req.nextUrl;
    const user = req.auth?.user;
    if (!user && !isAuthPage(pathname)) {
      const url = new URL("/sign-in", req.nextUrl);
      if (pathname !== "/") url.searchParams.set("next", pathname + search);
      return withCsp(NextResponse.redirect(url), csp);
    }
    // Home is decided by `/` from the database: the cookie's role may be out of date.
    if (user && isAuthPage(pathname)) return withCsp(NextResponse.redirect(new URL("/", req.nextUrl)), csp);
    const headers = new Headers(req.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    return withCsp(NextResponse.next({ request: { headers } }), csp);
  },
);

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|ico|webp|txt)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
