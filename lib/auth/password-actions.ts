import "server-only";
import { headers } from "next/headers";
import { after } from "next/server";
import { getDb } from "@/db";
import { publicSpec, userSpec } from "@/lib/actions/execute";
import { fail, ok, signInWaitMessage } from "@/lib/errors";
import { publicBaseUrl } from "@/lib/http";
import { clientAddress } from "@/lib/security/request";
import { changePassword } from "./change-password";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { changePasswordSchema, forgotPasswordSchema, resetPasswordSchema } from "./password-schemas";

export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that email, we've sent a link to reset its password. It works once, for 30 minutes.";
export const RESET_LINK_DEAD_MESSAGE = "This link no longer works. Ask for a new one.";

export const passwordActions = {
  /**
   * The answer never depends on the email: looking the account up and sending the mail happen
   * after the response (Next's `after`), so an unknown email answers as fast as a known one.
   */
  forgotPassword: publicSpec({
    schema: forgotPasswordSchema,
    run: async ({ input }) => {
      const baseUrl = await publicBaseUrl();
      after(async () => {
        try {
          await requestPasswordReset(getDb(), { email: input.email, baseUrl });
        } catch (err) {
          console.error("password reset request failed", err instanceof Error ? err.message : err);
        }
      });
      return ok({ message: RESET_REQUESTED_MESSAGE });
    },
    echo: ["email"],
  }),

  resetPassword: publicSpec({
    schema: resetPasswordSchema,
    run: async ({ input }) => {
      const done = await resetPassword(getDb(), { token: input.token, password: input.password });
      return done ? ok({ reset: true }) : fail("validation_failed", { _form: RESET_LINK_DEAD_MESSAGE });
    },
    redirectTo: () => "/sign-in?reset=1",
  }),

  changePassword: userSpec({
    schema: changePasswordSchema,
    run: async ({ user, session, input }) => {
      const result = await changePassword(getDb(), {
        user,
        currentPassword: input.currentPassword,
        password: input.password,
        // This browser stays signed in; every other session ends.
        keepSessionId: session.id,
        address: clientAddress(await headers()),
      });
      if (result.ok) return ok({ message: "Your password was changed. Other devices were signed out." });
      if (result.code !== "wrong_password")
        return fail(result.code, undefined, signInWaitMessage(result.code, result.retryAfterMs));
      return fail("validation_failed", { currentPassword: "That isn't your current password" });
    },
  }),
};
