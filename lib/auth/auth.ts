import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { checkCredentials } from "./accounts";
import { authConfig } from "./auth.config";
import { signInSchema } from "./schemas";
import { completePendingSignIn } from "./two-factor/pending";
import { pendingSignInSchema, secondFactorDue } from "./two-factor/sign-in";

export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

/** The password was right, but this account also needs its second factor (`/sign-in/verify`). */
export class TwoFactorRequired extends CredentialsSignin {
  code = "two_factor_required";
}

/** The pending sign-in is expired, forged or out of attempts: start again with the password. */
export class PendingSignInExpired extends CredentialsSignin {
  code = "sign_in_expired";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // The second factor is enforced here, so posting to Auth.js's own endpoint can't skip it.
      async authorize(raw, request) {
        const second = pendingSignInSchema.safeParse(raw);
        if (second.success) {
          const outcome = await completePendingSignIn(getDb(), { token: second.data.pending, code: second.data.code });
          if (!outcome.ok) {
            if (outcome.reason === "expired") throw new PendingSignInExpired();
            return null;
          }
          const { user } = outcome;
          return { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole };
        }
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkCredentials(getDb(), parsed.data.email, parsed.data.password);
        if (!result.ok) {
          if (result.code === "rate_limited") throw new RateLimitedSignIn();
          return null;
        }
        const { user } = result;
        if (await secondFactorDue(getDb(), user, request.headers)) throw new TwoFactorRequired();
        return { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole };
      },
    }),
  ],
});
