"use server";

import { platformAction } from "@/lib/actions/safe-action";
import { adminActions } from "@/lib/admin/actions";
import { appDeps } from "@/lib/admin/app-deps";

const admin = adminActions(appDeps);

export const fundAction = platformAction(admin.fund);
export const freezeAction = platformAction(admin.freeze);
export const unfreezeAction = platformAction(admin.unfreeze);
export const pauseAction = platformAction(admin.pause);
export const resumeAction = platformAction(admin.resume);
export const onboardingLinkAction = platformAction(admin.onboardingLink);
export const closeAction = platformAction(admin.close);
