import "server-only";
import { AuthError } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db";
import { revokeUserSession } from "@/db/queries/user-sessions";
import { getUserByEmail } from "@/db/queries/users";
import { publicSpec, userSpec } from "@/lib/actions/execute";
import { fail, ok, signInWaitMessage, type ActionError, type ActionResult } from "@/lib/errors";
import { invitePath } from "@/lib/team/tokens";
import { signUpUser } from "./accounts";
import { signIn, signOut, ThrottledSignIn } from "./auth";
import { membershipsOf } from "@/db/queries/memberships";
import { homePathFor } from "./permissions";
import { signInSchema, signUpSchema } from "./schemas";
import { rememberKnownBrowser } from "./two-factor/cookies";
import { askForSecondFactor } from "./two-factor/sign-in-step";

/** Where to go after signing in or up: only a same-site path (no open redirect). */
const next = z.string().optional().catch(undefined);

export function safeNext(path: string | undefined): string | null {
  return path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : null;
}

async function signInOrError(email: string, password: string): Promise<ActionError | null> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (err) {
    if (err instanceof ThrottledSignIn)
      return fail(err.code, undefined, signInWaitMessage(err.code, err.retryAfterMs)).error;
    if (err instanceof AuthError && err.type === "CredentialsSignin") {
      const code = (err as AuthError & { code?: string }).code;
      return fail(code === "two_factor_required" ? code : "invalid_credentials").error;
    }
    throw err;
  }
}

export const authActions = {
  /** Failed sign-ins are throttled per email and per address by the credentials check (`lib/auth/sign-in-throttle.ts`). */
  signIn: publicSpec({
    schema: signInSchema.extend({ next }),
    run: async ({ input }): Promise<ActionResult<{ home: string; secondFactor: string | null }>> => {
      const error = await signInOrError(input.email, input.password);
      // The password was right; the code is asked for on the next page.
      if (error?.code === "two_factor_required")
        return ok({ home: "/", secondFactor: await askForSecondFactor(input.email, safeNext(input.next)) });
      if (error) return { ok: false, error };
      await rememberKnownBrowser(input.email);
      const user = await getUserByEmail(getDb(), { email: input.email });
      const roles = user ? (await membershipsOf(getDb(), { userId: user.id })).map((m) => m.role) : [];
      return ok({ home: user ? homePathFor(user, roles) : "/", secondFactor: null });
    },
    redirectTo: (input, data) => data.secondFactor ?? safeNext(input.next) ?? data.home,
    echo: ["email"],
  }),

  signUp: publicSpec({
    schema: signUpSchema.extend({ next }),
    run: async ({ input }) => {
      const created = await signUpUser(getDb(), input);
      if (!created.ok) return fail("validation_failed", { email: "An account with this email already exists" });
      const error = await signInOrError(input.email, input.password);
      if (error) return { ok: false, error };
      await rememberKnownBrowser(input.email);
      return ok({ signedUp: true });
    },
    // Someone signing up from an invitation goes back to it instead of creating a business.
    redirectTo: (input) => safeNext(input.next) ?? "/onboarding",
    echo: ["name", "email"],
  }),

  /** Ends the session row too: a copy of the cookie kept elsewhere stops working. */
  signOut: userSpec({
    schema: z.unknown(),
    run: async ({ user, session }) => {
      await revokeUserSession(getDb(), { userId: user.id, sessionId: session.id });
      await signOut({ redirect: false });
      return ok({ signedOut: true });
    },
    redirectTo: () => "/sign-in",
  }),

  /** Signed in as someone else: sign out and come back to this invitation. */
  switchAccount: userSpec({
    schema: z.object({ token: z.string().max(500).catch("") }).catch({ token: "" }),
    run: async ({ user, session }) => {
      await revokeUserSession(getDb(), { userId: user.id, sessionId: session.id });
      await signOut({ redirect: false });
      return ok({ signedOut: true });
    },
    redirectTo: ({ token }) => `/sign-in?next=${encodeURIComponent(invitePath(token))}`,
  }),
};
