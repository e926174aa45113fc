"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { asFormData } from "@/lib/actions/form-input";
import { findUserByEmail, signUpUser } from "@/lib/auth/accounts";
import { signIn, signOut } from "@/lib/auth/auth";
import { homePathFor } from "@/lib/auth/permissions";
import { signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { fail, fieldErrorsFromIssues, type ActionError } from "@/lib/errors";

export type AuthFormState = { error?: ActionError; values?: Record<string, string> };

function str(form: FormData, key: string): string | null {
  const v = form.get(key);
  return typeof v === "string" ? v : null;
}

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : null;
}

async function signInOrError(email: string, password: string): Promise<ActionError | null> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (err) {
    if (err instanceof AuthError && err.type === "CredentialsSignin") {
      const code =
        (err as AuthError & { code?: string }).code === "rate_limited" ? "rate_limited" : "invalid_credentials";
      return fail(code).error;
    }
    throw err;
  }
}

export async function signInAction(_prev: AuthFormState, input: FormData): Promise<AuthFormState> {
  const form = asFormData(input);
  const values = { email: str(form, "email") ?? "" };
  const parsed = signInSchema.safeParse({ email: str(form, "email"), password: str(form, "password") });
  if (!parsed.success)
    return { error: fail("validation_failed", fieldErrorsFromIssues(parsed.error.issues)).error, values };
  const error = await signInOrError(parsed.data.email, parsed.data.password);
  if (error) return { error, values };
  const user = await findUserByEmail(getDb(), parsed.data.email);
  redirect(safeNext(str(form, "next")) ?? (user ? homePathFor(user) : "/"));
}

export async function signUpAction(_prev: AuthFormState, input: FormData): Promise<AuthFormState> {
  const form = asFormData(input);
  const values = { name: str(form, "name") ?? "", email: str(form, "email") ?? "" };
  const parsed = signUpSchema.safeParse({
    name: str(form, "name"),
    email: str(form, "email"),
    password: str(form, "password"),
  });
  if (!parsed.success)
    return { error: fail("validation_failed", fieldErrorsFromIssues(parsed.error.issues)).error, values };
  const created = await signUpUser(getDb(), parsed.data);
  if (!created.ok)
    return { error: fail("validation_failed", { email: "An account with this email already exists" }).error, values };
  const error = await signInOrError(parsed.data.email, parsed.data.password);
  if (error) return { error, values };
  // Someone signing up from an invitation goes back to it instead of creating a business.
  redirect(safeNext(str(form, "next")) ?? "/onboarding");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
