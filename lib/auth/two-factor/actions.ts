import "server-only";
import { AuthError } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db";
import { getUser } from "@/db/queries/users";
import { publicSpec } from "@/lib/actions/execute";
import { fail, ok, signInWaitMessage } from "@/lib/errors";
import { safeNext } from "../actions";
import { signIn, ThrottledSignIn } from "../auth";
import { membershipsOf } from "@/db/queries/memberships";
import { homePathFor } from "../permissions";
import { clearPendingCookie, pendingCookie, rememberKnownBrowser, requestUserAgent, setDeviceCookie } from "./cookies";
import { rememberDevice } from "./devices";
import { readPendingToken } from "./pending";
import { checkboxSchema, secondFactorCodeSchema, WRONG_CODE } from "./schemas";

/** Auth.js checks the pending token and the code (see `authorize`); the error's code says which failed. */
async function signInWithCode(
  token: string,
  code: string,
): Promise<"ok" | "wrong_code" | "expired" | { wait: string }> {
  try {
    await signIn("credentials", { pending: token, code, redirect: false });
    return "ok";
  } catch (err) {
    if (err instanceof ThrottledSignIn) return { wait: signInWaitMessage(err.code, err.retryAfterMs) };
    if (err instanceof AuthError && err.type === "CredentialsSignin")
      return (err as AuthError & { code?: string }).code === "sign_in_expired" ? "expired" : "wrong_code";
    throw err;
  }
}

const EXPIRED = "Your sign-in expired. Enter your email and password again";

export const twoFactorSignInActions = {
  /** The second step of signing in: the code (or a recovery code) for the pending sign-in. */
  verify: publicSpec({
    schema: z.object({
      code: secondFactorCodeSchema,
      remember: checkboxSchema,
      next: z.string().optional().catch(undefined),
    }),
    run: async ({ input }) => {
      const token = await pendingCookie();
      const pending = readPendingToken(token);
      if (!token || !pending) return fail("validation_failed", { _form: EXPIRED });
      const outcome = await signInWithCode(token, input.code);
      if (outcome === "expired") {
        await clearPendingCookie();
        return fail("validation_failed", { _form: EXPIRED });
      }
      if (outcome === "wrong_code") return fail("validation_failed", { code: WRONG_CODE });
      if (outcome !== "ok") return fail("validation_failed", { code: outcome.wait });
      await clearPendingCookie();
      const db = getDb();
      if (input.remember) {
        const device = await rememberDevice(db, { userId: pending.userId, userAgent: await requestUserAgent() });
        await setDeviceCookie(device.cookie, device.expiresAt);
      }
      const user = await getUser(db, { userId: pending.userId });
      if (user) await rememberKnownBrowser(user.email);
      const roles = user ? (await membershipsOf(db, { userId: user.id })).map((m) => m.role) : [];
      return ok({ home: user ? homePathFor(user, roles) : "/" });
    },
    redirectTo: (input, data) => safeNext(input.next) ?? data.home,
  }),
};
