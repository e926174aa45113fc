import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { clientAddress } from "@/lib/security/request";
import { checkCredentials } from "./accounts";
import { authConfig } from "./auth.config";
import { signInSchema } from "./schemas";

/** A throttled sign-in; `signInOrError` turns its code and wait into the form's message. */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(
    readonly code: "account_throttled" | "network_blocked",
    readonly retryAfterMs: number,
  ) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const address = clientAddress(request.headers);
        const result = await checkCredentials(getDb(), parsed.data.email, parsed.data.password, address);
        if (!result.ok) {
          if (result.code !== "invalid_credentials") throw new ThrottledSignIn(result.code, result.retryAfterMs);
          return null;
        }
        const { user } = result;
        return { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole };
      },
    }),
  ],
});
