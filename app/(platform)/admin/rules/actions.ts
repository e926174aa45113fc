"use server";

import { revalidatePath } from "next/cache";
import { platformAction } from "@/lib/actions/safe-action";
import { appDeps } from "@/lib/admin/app-deps";
import { previewRulesSpec, saveRulesSpec } from "@/lib/admin/rules";
import type { RulesPreview } from "@/lib/admin/rules-preview";
import type { ActionResult } from "@/lib/errors";

export async function previewRulesAction(_prev: unknown, form: FormData): Promise<ActionResult<RulesPreview>> {
  return platformAction(previewRulesSpec(appDeps()))(form);
}

export async function saveRulesAction(_prev: unknown, form: FormData): Promise<ActionResult<{ saved: true }>> {
  const result = await platformAction(saveRulesSpec(appDeps()))(form);
  if (!result.ok) return result;
  revalidatePath("/admin/rules");
  return { ok: true, data: { saved: true } };
}
