import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { userSpec } from "@/lib/actions/execute";
import { fail, ok } from "@/lib/errors";
import { revokeAllDevices, revokeDevice } from "./device-management";
import { confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes } from "./enrolment";
import { appCodeSchema, noInputSchema } from "./schemas";

const NOT_ON = "Two-factor sign-in is not on for your account";

/** The signed-in user's own two-factor settings: every action acts on the session's user only. */
export const twoFactorAccountActions = {
  confirmEnrolment: userSpec({
    schema: z.object({ enrolment: z.string().min(1).max(2000), code: appCodeSchema }),
    run: async ({ user, input }) => {
      const result = await confirmEnrolment(getDb(), { user, sealed: input.enrolment, code: input.code });
      if (result.ok) return ok({ codes: result.codes });
      if (result.reason === "wrong_code")
        return fail("validation_failed", { code: "That code isn't right. Enter the code your app shows now" });
      if (result.reason === "already_on")
        return fail("validation_failed", { _form: "Two-factor sign-in is already on for your account" });
      return fail("validation_failed", { _form: "This set-up expired. Reload the page to start again" });
    },
    // No revalidation: the page would re-render without the codes before they are saved.
  }),

  disable: userSpec({
    schema: z.object({
      proof: z
        .string({ error: "Enter a code or your password" })
        .min(1, { error: "Enter a code or your password" })
        .max(200, { error: "Use at most 200 characters" }),
    }),
    run: async ({ user, session, memberships, input }) => {
      const result = await disableTwoFactor(getDb(), {
        user,
        proof: input.proof,
        keepSession: session.id,
        memberships,
      });
      if (result.ok) return ok({ disabled: true });
      if (result.reason === "not_enabled") return fail("validation_failed", { _form: NOT_ON });
      if (result.reason === "required")
        return fail("validation_failed", {
          _form: "Your role requires two-factor sign-in, so it can't be turned off",
        });
      return fail("validation_failed", { proof: "That isn't a current code, a recovery code or your password" });
    },
    revalidate: () => ["/account"],
  }),

  regenerateRecoveryCodes: userSpec({
    schema: noInputSchema,
    run: async ({ user }) => {
      const codes = await regenerateRecoveryCodes(getDb(), { user });
      return codes ? ok({ codes }) : fail("validation_failed", { _form: NOT_ON });
    },
  }),

  revokeDevice: userSpec({
    schema: z.object({ deviceId: z.uuid({ error: "Choose a device from the list" }) }),
    run: async ({ user, input }) =>
      (await revokeDevice(getDb(), { userId: user.id, deviceId: input.deviceId }))
        ? ok({ revoked: 1 })
        : fail("not_found"),
    revalidate: () => ["/account"],
  }),

  revokeAllDevices: userSpec({
    schema: noInputSchema,
    run: async ({ user }) => {
      const revoked = await revokeAllDevices(getDb(), { userId: user.id });
      return revoked > 0 ? ok({ revoked }) : fail("validation_failed", { _form: "No remembered devices to forget" });
    },
    revalidate: () => ["/account"],
  }),
};
