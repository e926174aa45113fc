import { z } from "zod";
import { PASSWORD_MIN } from "./constants";
import { emailSchema } from "./schemas";

const newPassword = z
  .string({ error: "Choose a new password" })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters` })
  .max(200, { error: "Use at most 200 characters" });
const confirm = z.string({ error: "Type the new password again" }).max(200, { error: "Use at most 200 characters" });
const matching = { error: "The two passwords don't match", path: ["confirm"] };

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string({ error: "Required" }).min(1, { error: "Required" }).max(200, { error: "Not a reset link" }),
    password: newPassword,
    confirm,
  })
  .refine((v) => v.password === v.confirm, matching);

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password" })
      .min(1, { error: "Enter your current password" })
      .max(200, { error: "Use at most 200 characters" }),
    password: newPassword,
    confirm,
  })
  .refine((v) => v.password === v.confirm, matching);
