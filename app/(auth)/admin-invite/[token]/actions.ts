"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { asFormData } from "@/lib/actions/form-input";
import { acceptAdminInvite } from "@/lib/admin/invites";
import { getViewer } from "@/lib/auth/session";
import { fail, type ActionResult } from "@/lib/errors";

/** Not a platformAction: the invitee is not an admin until this succeeds. */
export async function acceptAdminInviteAction(_prev: unknown, input: FormData): Promise<ActionResult<never>> {
  const form = asFormData(input);
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated");
  const token = form.get("token");
  if (typeof token !== "string" || token.length > 200) return fail("not_found");
  const result = await acceptAdminInvite(getDb(), viewer.user, token);
  if (!result.ok) return result;
  redirect("/admin");
}
