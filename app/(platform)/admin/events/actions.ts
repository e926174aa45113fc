"use server";

import { revalidatePath } from "next/cache";
import { asFormData } from "@/lib/actions/form-input";
import { platformAction } from "@/lib/actions/safe-action";
import { appDeps } from "@/lib/admin/app-deps";
import { replaySpec } from "@/lib/admin/events";
import type { ActionResult } from "@/lib/errors";

export async function replayAction(_prev: unknown, input: FormData): Promise<ActionResult<Record<string, unknown>>> {
  const form = asFormData(input);
  const result = await platformAction(replaySpec(appDeps()))(form);
  if (result.ok) revalidatePath(`/admin/events/${encodeURIComponent(String(form.get("eventId")))}`);
  return result;
}
