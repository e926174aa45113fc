import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { checkCredentials } from "./accounts";
import { authConfig } from "./auth.config";
import { signInSchema } from "./schemas";

export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkCredentials(getDb(), parsed.data.email, parsed.data.password);
        if (!result.ok) {
          if (result.code === "rate_limited") throw new RateLimitedSignIn();
          return null;
        }
        const { user } = result;
        return { id: user.id, email: user.email, name: user.name, platformRole: user.platformRole };
      },
    }),
  ],
});
