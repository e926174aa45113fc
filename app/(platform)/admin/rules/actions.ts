"use server";

import { platformAction } from "@/lib/actions/safe-action";
import { adminActions } from "@/lib/admin/actions";
import { appDeps } from "@/lib/admin/app-deps";

const admin = adminActions(appDeps);

export const previewRulesAction = platformAction(admin.previewRules);
export const saveRulesAction = platformAction(admin.saveRules);
