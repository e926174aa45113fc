import { z } from "zod";

/** A 6-digit code from the app or a recovery code (`xxxx-xxxx-xx`); spaces are ignored. */
export const secondFactorCodeSchema = z
  .string({ error: "Enter the code" })
  .max(40, { error: "That isn't a code from your app or a recovery code" })
  .transform((s) => s.replace(/\s/g, ""))
  .pipe(
    z
      .string()
      .min(1, { error: "Enter the code" })
      .regex(/^(\d{6}|[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{2})$/, {
        error: "Enter the 6-digit code from your app, or a recovery code",
      }),
  );

/** Only a 6-digit code from the app (confirming enrolment). */
export const appCodeSchema = z
  .string({ error: "Enter the code" })
  .max(40, { error: "Enter the 6-digit code from your app" })
  .transform((s) => s.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "Enter the 6-digit code from your app" }));

/** A checkbox: browsers send "on" when ticked and nothing otherwise. */
export const checkboxSchema = z.enum(["on"], { error: "Tick the box or leave it empty" }).optional();

/** Actions that take no input refuse any (no field is silently ignored). */
export const noInputSchema = z.object({}).strict();

export const WRONG_CODE = "That code isn't right. Try the newest code from your app, or a recovery code";
