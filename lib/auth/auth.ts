import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { createUserSession } from "@/db/queries/user-sessions";
import { clientAddress } from "@/lib/security/request";
import { checkCredentials } from "./accounts";
import { authConfig } from "./auth.config";
import { signInSchema } from "./schemas";
import { completePendingSignIn } from "./two-factor/pending";
import { KNOWN_BROWSER_COOKIE } from "./known-browser";
import { cookieFrom, pendingSignInSchema, secondFactorDue } from "./two-factor/sign-in";

/** A throttled sign-in; `signInOrError` turns its code and wait into the form's message. */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(
    readonly code: "account_throttled" | "network_blocked",
    readonly retryAfterMs: number,
  ) {
    super();
  }
}

/** The password was right, but this account also needs its second factor (`/sign-in/verify`). */
export class TwoFactorRequired extends CredentialsSignin {
  code = "two_factor_required";
}

/** The pending sign-in is expired, forged or out of attempts: start again with the password. */
export class PendingSignInExpired extends CredentialsSignin {
  code = "sign_in_expired";
}

/** Every sign-in gets its own row: the sessions page lists it, and revoking it ends the session. */
async function newSessionRow(userId: string): Promise<string> {
  const h = await headers();
  const row = await createUserSession(getDb(), {
    userId,
    userAgent: h.get("user-agent")?.slice(0, 300) ?? null,
    ipAddress: clientAddress(h),
  });
  return row.id;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.trigger === "signIn" && params.user?.id) token.sid = await newSessionRow(params.user.id);
      return token;
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // The second factor is enforced here, so posting to Auth.js's own endpoint can't skip it.
      async authorize(raw, request) {
        const second = pendingSignInSchema.safeParse(raw);
        if (second.success) {
          const outcome = await completePendingSignIn(getDb(), {
            token: second.data.pending,
            code: second.data.code,
            address: clientAddress(request.headers),
          });
          if (!outcome.ok) {
            if (outcome.reason === "expired") throw new PendingSignInExpired();
            if (outcome.reason === "throttled")
              throw new ThrottledSignIn(outcome.throttle.code, outcome.throttle.retryAfterMs);
            return null;
          }
          const { user } = outcome;
          return { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole };
        }
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const address = clientAddress(request.headers);
        const result = await checkCredentials(
          getDb(),
          parsed.data.email,
          parsed.data.password,
          address,
          new Date(),
          cookieFrom(request.headers, KNOWN_BROWSER_COOKIE),
        );
        if (!result.ok) {
          if (result.code !== "invalid_credentials") throw new ThrottledSignIn(result.code, result.retryAfterMs);
          return null;
        }
        const { user } = result;
        if (await secondFactorDue(getDb(), user, request.headers)) throw new TwoFactorRequired();
        return { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole };
      },
    }),
  ],
});
