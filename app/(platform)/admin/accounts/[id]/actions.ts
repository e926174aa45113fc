"use server";

import { revalidatePath } from "next/cache";
import { asFormData } from "@/lib/actions/form-input";
import { platformAction } from "@/lib/actions/safe-action";
import { appDeps } from "@/lib/admin/app-deps";
import { freezeSpec, unfreezeSpec } from "@/lib/admin/cards";
import { closeSpec } from "@/lib/admin/close";
import { fundSpec } from "@/lib/admin/funding";
import { onboardingLinkSpec } from "@/lib/admin/onboarding";
import { pauseSpec, resumeSpec } from "@/lib/admin/pause";
import type { ActionResult } from "@/lib/errors";

// Thin wrappers: `platformAction` does session → permission → zod → run → audit; the cores in
// lib/admin take their dependencies, so tests run the very same specs without Next.js.
type Spec = Parameters<typeof platformAction>[0];
async function run<T>(spec: Spec, input: FormData): Promise<ActionResult<T>> {
  const form = asFormData(input);
  const result = (await platformAction(spec)(form)) as ActionResult<T>;
  const id = form.get("businessId");
  if (result.ok && typeof id === "string") revalidatePath(`/admin/accounts/${id}`);
  return result;
}

export async function fundAction(_prev: unknown, form: FormData) {
  return run<Awaited<ReturnType<ReturnType<typeof fundSpec>["run"]>> extends ActionResult<infer T> ? T : never>(
    fundSpec(appDeps()) as Spec,
    form,
  );
}
export async function freezeAction(_prev: unknown, form: FormData) {
  return run<{ cardIds: string[] }>(freezeSpec(appDeps()) as Spec, form);
}
export async function unfreezeAction(_prev: unknown, form: FormData) {
  return run<{ cardIds: string[] }>(unfreezeSpec(appDeps()) as Spec, form);
}
export async function pauseAction(_prev: unknown, form: FormData) {
  return run<{ paused: boolean }>(pauseSpec(appDeps()) as Spec, form);
}
export async function resumeAction(_prev: unknown, form: FormData) {
  return run<{ paused: boolean }>(resumeSpec(appDeps()) as Spec, form);
}
export async function onboardingLinkAction(_prev: unknown, form: FormData) {
  return run<{ url: string }>(onboardingLinkSpec(appDeps()) as Spec, form);
}
export async function closeAction(_prev: unknown, form: FormData) {
  return run<{ frozenCardIds: string[] }>(closeSpec(appDeps()) as Spec, form);
}
