import type { NextAuthConfig } from "next-auth";
import type { PlatformRole } from "./permissions";

/**
 * The part of the Auth.js configuration that needs no database, shared by the proxy and the
 * full configuration in `./auth.ts`. The JWT carries only the user id, platform role and session
 * row id; guards re-read the user, the session row and memberships from the database on every
 * request, so the platform role here is only a routing hint.
 */
export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  // The app is served from its own host (localhost or a proxy the operator controls).
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.platformRole = user.platformRole ?? null;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.platformRole = (token.platformRole as PlatformRole | null | undefined) ?? null;
      session.user.sessionId = typeof token.sid === "string" ? token.sid : null;
      return session;
    },
  },
} satisfies NextAuthConfig;
