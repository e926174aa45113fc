"use server";

import { revalidatePath } from "next/cache";
import { platformAction } from "@/lib/actions/safe-action";
import { appDeps } from "@/lib/admin/app-deps";
import { inviteSpec, type CreatedAdminInvite } from "@/lib/admin/invites";
import type { ActionResult } from "@/lib/errors";

export async function inviteAdminAction(_prev: unknown, form: FormData): Promise<ActionResult<CreatedAdminInvite>> {
  const result = await platformAction(inviteSpec(appDeps()))(form);
  if (result.ok) revalidatePath("/admin/admins");
  return result;
}
