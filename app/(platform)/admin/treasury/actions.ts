"use server";

import { revalidatePath } from "next/cache";
import { platformAction } from "@/lib/actions/safe-action";
import { appDeps } from "@/lib/admin/app-deps";
import { revealSpec, simulateWireSpec } from "@/lib/admin/treasury";
import type { ActionResult } from "@/lib/errors";

export async function revealAction(_prev: unknown, form: FormData): Promise<ActionResult<{ accountNumber: string }>> {
  return platformAction(revealSpec(appDeps()))(form);
}

export async function simulateWireAction(_prev: unknown, form: FormData): Promise<ActionResult<{ amount: number }>> {
  const result = await platformAction(simulateWireSpec(appDeps()))(form);
  if (result.ok) revalidatePath("/admin/treasury");
  return result;
}
