"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { asFormData } from "@/lib/actions/form-input";
import { signOut } from "@/lib/auth/auth";
import { ACTIVE_BUSINESS_COOKIE, getViewer } from "@/lib/auth/session";
import { fail, type ActionError } from "@/lib/errors";
import { servedOverHttps } from "@/lib/security/request";
import { acceptInvite } from "@/lib/team/accept";
import { invitePath } from "@/lib/team/tokens";

export type AcceptState = { error?: ActionError };

/** Accepts for the signed-in user, makes the business the active one and opens its dashboard. */
export async function acceptInviteAction(_prev: AcceptState, input: FormData): Promise<AcceptState> {
  const form = asFormData(input);
  const viewer = await getViewer();
  if (!viewer) return { error: fail("unauthenticated").error };
  const token = String(form.get("token") ?? "");
  const result = await acceptInvite(getDb(), { token, user: viewer.user });
  if (!result.ok) return { error: result.error };
  // Only a preference: every request re-checks that the user belongs to the business it names.
  (await cookies()).set(ACTIVE_BUSINESS_COOKIE, result.data.businessId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: servedOverHttps(await headers()),
    maxAge: 365 * 24 * 60 * 60,
  });
  redirect("/dashboard");
}

/** Signed in as someone else: sign out and come back to this invitation. */
export async function switchAccountAction(input: FormData): Promise<void> {
  const form = asFormData(input);
  const token = String(form.get("token") ?? "");
  await signOut({ redirectTo: `/sign-in?next=${encodeURIComponent(invitePath(token))}` });
}
