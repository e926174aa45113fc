"use server";

import { platformAction } from "@/lib/actions/safe-action";
import { adminActions } from "@/lib/admin/actions";
import { appDeps } from "@/lib/admin/app-deps";
import { disputeActions, evidenceFileFrom } from "@/lib/disputes/actions";
import type { Opened } from "@/lib/disputes/open";
import type { ActionResult } from "@/lib/errors";

const admin = adminActions(appDeps);

export const fundAction = platformAction(admin.fund);
export const freezeAction = platformAction(admin.freeze);
export const unfreezeAction = platformAction(admin.unfreeze);
export const pauseAction = platformAction(admin.pause);
export const resumeAction = platformAction(admin.resume);
export const onboardingLinkAction = platformAction(admin.onboardingLink);
export const closeAction = platformAction(admin.close);

/** Opens a dispute for the business; the evidence file travels in the same form. */
export async function adminOpenDisputeAction(
  prev: ActionResult<unknown> | null,
  form: FormData,
): Promise<ActionResult<Opened>> {
  return platformAction(disputeActions.adminOpen(await evidenceFileFrom(form)))(prev, form);
}
