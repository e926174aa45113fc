import { z } from "zod";
import { PASSWORD_MIN } from "./constants";

export { PASSWORD_MIN };

// Form values arrive as strings (or null when a field is missing): coerce here, once.
const text = (max: number) =>
  z
    .string({ error: "Required" })
    .max(max, { error: `Use at most ${max} characters` })
    // The database can't store a NUL character: refused here rather than failing on insert.
    .refine((s) => !s.includes("\u0000"), { error: "Remove the NUL character" })
    .transform((s) => s.trim());

export const emailSchema = text(254)
  .pipe(z.string().min(1, { error: "Enter your email" }))
  .pipe(z.email({ error: "Enter a valid email address" }))
  .transform((s) => s.toLowerCase());

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password" })
    .min(1, { error: "Enter your password" })
    .max(200, { error: "Use at most 200 characters" }),
});

export const signUpSchema = z.object({
  name: text(100).pipe(z.string().min(1, { error: "Enter your name" })),
  email: emailSchema,
  password: z
    .string({ error: "Choose a password" })
    .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters` })
    .max(200, { error: "Use at most 200 characters" }),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;
